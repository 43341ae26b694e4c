package io.github.segmentabsmartly.bridge.outcome;

/** An event the Collector did not take now but may take later: whoever handed it over should try again. */
public class EventNotDeliveredException extends RuntimeException {

    private final transient EventOutcome outcome;

    public EventNotDeliveredException(EventOutcome outcome) {
        super("event " + (outcome.messageId() == null ? "without messageId" : outcome.messageId())
                + " not delivered, try again later: " + outcome.reason(), null, false, false);
        this.outcome = outcome;
    }

    public EventOutcome outcome() {
        return outcome;
    }
}
