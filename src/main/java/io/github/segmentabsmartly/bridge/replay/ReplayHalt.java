package io.github.segmentabsmartly.bridge.replay;

/**
 * Whether a file's replay has stopped sending: the line and reason of its first event that the Collector could not
 * take now. Each line of the file shares it.
 */
final class ReplayHalt {

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
