package io.github.segmentabsmartly.bridge.outcome;

/** Marks the event as accepted by the Collector. */
public class MarkDelivered extends FixedOutcome {

    public MarkDelivered() {
        super(EventOutcome.Kind.DELIVERED, null);
    }
}
