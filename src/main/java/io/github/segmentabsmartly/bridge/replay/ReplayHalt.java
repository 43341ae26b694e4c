package io.github.segmentabsmartly.bridge.replay;

/**
 * Whether a file's replay has stopped sending: the line and reason of its first event that the Collector could not
 * take now. Each line of the file shares it.
 */
final class ReplayHalt {

    /** The reason code of an event not sent because its file's replay had halted. */
    static final String REASON_CODE = "replay_halted";

    private volatile String cause;

    String cause() {
        return cause;
    }

    void haltAt(int lineNumber, String reason) {
        if (cause == null) {
            cause = "the Collector could not take the event of line " + lineNumber + " now (" + reason + ")";
        }
    }
}
