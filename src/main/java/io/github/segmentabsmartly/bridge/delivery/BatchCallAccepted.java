package io.github.segmentabsmartly.bridge.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** The Collector accepted a batch call: each of its events is delivered. */
public class BatchCallAccepted implements Processor {

    @Override
    public void process(Exchange exchange) {
        exchange.getProperty(BatchCallRequest.CALL, BatchCall.class).events().forEach(HeldEvent::acceptedInBatch);
    }
}
