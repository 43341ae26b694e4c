package io.github.segmentabsmartly.bridge.delivery;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The time left for an event's Collector attempts (see DeliveryClock). As a step before the first attempt, it fails
 * the event once that time is used up: a request that waited its turn behind others is answered at once, and its
 * sender sends it again, rather than it being sent after the sender stopped waiting.
 */
public class DeliveryBudget implements Processor {

    @Override
    public void process(Exchange exchange) throws DeliveryBudgetSpentException {
        if (millisLeft(exchange) <= 0) {
            throw new DeliveryBudgetSpentException();
        }
    }

    static long millisLeft(Exchange exchange) {
        Long deliverBy = exchange.getProperty(BridgeExchange.DELIVER_BY, Long.class);
        return deliverBy == null ? Long.MAX_VALUE : deliverBy - System.currentTimeMillis();
    }
}
