package io.github.segmentabsmartly.bridge.sink;

import io.github.segmentabsmartly.bridge.outcome.EventNotDeliveredException;
import io.github.segmentabsmartly.bridge.outcome.EventOutcome;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Tells the route that handed an event to {@code direct:absmartly-sink} what became of it: the EventOutcome as the
 * body, and its outcome and reason as headers. An event that was not accepted now but may be later fails the exchange
 * instead, so that the caller's own error handling (its redelivery, its transaction, its broker) keeps the event.
 */
public class SinkOutcome implements Processor {

    public static final String OUTCOME_HEADER = "AbsmartlyOutcome";
    public static final String REASON_HEADER = "AbsmartlyReason";
    public static final String COLLECTOR_STATUS_HEADER = "AbsmartlyCollectorStatus";

    @Override
    public void process(Exchange exchange) {
        EventOutcome outcome = (EventOutcome) exchange.getMessage().getBody(List.class).get(0);
        if (outcome.kind() == EventOutcome.Kind.RETRY_LATER) {
            throw new EventNotDeliveredException(outcome);
        }
        Message message = exchange.getMessage();
        message.setBody(outcome);
        message.setHeader(OUTCOME_HEADER, outcome.kind().label());
        message.setHeader(REASON_HEADER, outcome.reason());
        message.setHeader(COLLECTOR_STATUS_HEADER, outcome.collectorStatus());
    }
}
