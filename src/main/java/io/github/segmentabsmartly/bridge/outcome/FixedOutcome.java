package io.github.segmentabsmartly.bridge.outcome;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** A route step that decides an event's outcome, always the same, with no reason code. */
abstract class FixedOutcome implements Processor {

    private final EventOutcome.Kind kind;
    private final String reason;

    FixedOutcome(EventOutcome.Kind kind, String reason) {
        this.kind = kind;
        this.reason = reason;
    }

    @Override
    public void process(Exchange exchange) {
        Outcomes.record(exchange, kind, "none", reason);
    }
}
