package io.github.segmentabsmartly.bridge.delivery;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import org.apache.camel.Exchange;

/** The time left for an event's Collector attempts (see DeliveryClock): none may start once it is used up. */
final class DeliveryBudget {

    private DeliveryBudget() {
    }

    static long millisLeft(Exchange exchange) {
        return exchange.getProperty(BridgeExchange.DELIVER_BY, Long.class) - System.currentTimeMillis();
    }

    static boolean isSpent(Exchange exchange) {
        return millisLeft(exchange) <= 0;
    }
}
