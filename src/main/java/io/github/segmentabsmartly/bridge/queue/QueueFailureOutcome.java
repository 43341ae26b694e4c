package io.github.segmentabsmartly.bridge.queue;

import io.github.segmentabsmartly.bridge.outcome.EventOutcome.Kind;
import io.github.segmentabsmartly.bridge.outcome.Outcomes;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Kafka did not acknowledge an event's record: the sender should send it again. */
public class QueueFailureOutcome implements Processor {

    @Override
    public void process(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Outcomes.record(exchange, Kind.RETRY_LATER, "queue_unavailable", "Kafka did not take the event: send it again",
                String.valueOf(cause), null, null);
    }
}
