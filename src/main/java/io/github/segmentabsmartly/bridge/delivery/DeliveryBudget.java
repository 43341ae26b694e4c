package io.github.segmentabsmartly.bridge.delivery;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.settings.DeliveryPolicy;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The sender waits for our answer (Segment: 5 s), so all Collector attempts for one request start within the
 * delivery budget. This step refuses the first attempt of an event whose request has used it up already.
 */
public class DeliveryBudget implements Processor {

    private final DeliveryPolicy policy;

    public DeliveryBudget(DeliveryPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void process(Exchange exchange) throws RetryBudgetSpentException {
        if (millisLeft(exchange) <= 0) {
            throw new RetryBudgetSpentException();
        }
    }

    long millisLeft(Exchange exchange) {
        long receivedAt = exchange.getProperty(BridgeExchange.RECEIVED_AT, Long.class);
        return receivedAt + policy.budget().toMillis() - System.currentTimeMillis();
    }
}
