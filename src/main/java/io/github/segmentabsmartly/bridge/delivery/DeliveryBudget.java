package io.github.segmentabsmartly.bridge.delivery;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Refuses the first Collector attempt of an event whose delivery time (see DeliveryClock) is used up. */
public class DeliveryBudget implements Processor {

    @Override
    public void process(Exchange exchange) throws RetryBudgetSpentException {
        if (millisLeft(exchange) <= 0) {
            throw new RetryBudgetSpentException();
        }
    }

    static long millisLeft(Exchange exchange) {
        return exchange.getProperty(BridgeExchange.DELIVER_BY, Long.class) - System.currentTimeMillis();
    }
}
