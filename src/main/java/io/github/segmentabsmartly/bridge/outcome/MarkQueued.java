package io.github.segmentabsmartly.bridge.outcome;

/** Kafka mode: marks the event as written to the topic, from which a delivery instance sends it on. */
public class MarkQueued extends FixedOutcome {

    public MarkQueued() {
        super(EventOutcome.Kind.QUEUED, null);
    }
}
