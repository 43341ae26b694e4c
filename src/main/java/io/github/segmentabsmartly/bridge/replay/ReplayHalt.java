package io.github.segmentabsmartly.bridge.replay;

import io.github.segmentabsmartly.bridge.ingest.EventOutcome;

/**
 * Whether a replay has stopped sending: the outcome of its first event that the Collector could not take now. Set on
 * the replayed file's exchange by {@link ReplayFileReader}, and so seen by each of its events.
 */
final class ReplayHalt {

    static final String PROPERTY = "bridgeReplayHalt";

    private volatile EventOutcome cause;

    EventOutcome cause() {
        return cause;
    }

    void haltAt(EventOutcome outcome) {
        if (cause == null) {
            cause = outcome;
        }
    }
}
