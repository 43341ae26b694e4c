package io.github.segmentabsmartly.bridge.outcome;

import io.github.segmentabsmartly.bridge.event.EventRejectedException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Marks a wrong event as rejected, with the reason and code of the exception that rejected it. */
public class MarkRejected implements Processor {

    @Override
    public void process(Exchange exchange) {
        EventRejectedException rejection =
                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, EventRejectedException.class);
        Outcomes.record(exchange, EventOutcome.Kind.REJECTED, rejection.code().tag(), rejection.getMessage());
    }
}
