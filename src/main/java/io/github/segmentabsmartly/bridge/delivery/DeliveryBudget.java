package io.github.segmentabsmartly.bridge.delivery;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.settings.DeliveryPolicy;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The time within which an event's Collector attempts may start: BRIDGE_DELIVERY_BUDGET_MS from when the bridge
 * received it (a request, as it arrived: Segment waits 5 s for the answer; a replayed line or an event handed to the
 * sink, as it was taken). As a step before the first attempt, it fails the event once that time is used up: a request
 * that waited its turn is answered at once, and its sender sends it again, rather than it being sent after the sender
 * stopped waiting.
 */
public class DeliveryBudget implements Processor {

    private final DeliveryPolicy policy;

    public DeliveryBudget(DeliveryPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void process(Exchange exchange) throws DeliveryBudgetSpentException {
        if (millisLeft(exchange) <= 0) {
            throw new DeliveryBudgetSpentException();
        }
    }

    long millisLeft(Exchange exchange) {
        Long receivedAt = exchange.getProperty(BridgeExchange.RECEIVED_AT, Long.class);
        return receivedAt == null ? Long.MAX_VALUE
                : receivedAt + policy.budget().toMillis() - System.currentTimeMillis();
    }
}
