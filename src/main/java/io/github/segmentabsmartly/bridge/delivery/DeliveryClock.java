package io.github.segmentabsmartly.bridge.delivery;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.settings.DeliveryPolicy;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Starts the time within which Collector attempts may begin: once per request for a sender that waits for the
 * answer (Segment waits 5 s), once per event for a replayed file.
 */
public class DeliveryClock implements Processor {

    private final DeliveryPolicy policy;

    public DeliveryClock(DeliveryPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.setProperty(BridgeExchange.DELIVER_BY, System.currentTimeMillis() + policy.budget().toMillis());
    }
}
