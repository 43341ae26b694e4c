package io.github.segmentabsmartly.bridge.delivery;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/** Whether the Collector accepted every held event of the request in its batch calls: none is left to send alone. */
public class EverySentInBatch implements Predicate {

    @Override
    public boolean matches(Exchange exchange) {
        List<?> held = exchange.getProperty(BridgeExchange.HELD_EVENTS, List.class);
        return held.stream().allMatch(event -> ((HeldEvent) event).sentInBatch());
    }
}
