package io.github.segmentabsmartly.bridge.delivery;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.settings.DeliveryPolicy;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Starts the time within which Collector attempts may begin: once per request for a sender that waits for the answer
 * (Segment waits 5 s), from when the request arrived, so that a request that waited its turn has less; for a replayed
 * line or an event handed to the sink, from now.
 */
public class DeliveryClock implements Processor {

    private final DeliveryPolicy policy;

    public DeliveryClock(DeliveryPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void process(Exchange exchange) {
        long from = exchange.getProperty(BridgeExchange.RECEIVED_AT, System.currentTimeMillis(), Long.class);
        exchange.setProperty(BridgeExchange.DELIVER_BY, from + policy.budget().toMillis());
    }
}
