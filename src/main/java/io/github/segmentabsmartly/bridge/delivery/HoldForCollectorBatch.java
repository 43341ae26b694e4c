package io.github.segmentabsmartly.bridge.delivery;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import java.util.HashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Holds an event whose Collector request is ready, for its request's batch call (delivery.yaml). */
public class HoldForCollectorBatch implements Processor {

    @Override
    public void process(Exchange exchange) {
        exchange.setProperty(BridgeExchange.HELD_EVENT, new HeldEvent(
                exchange.getProperty(Exchange.SPLIT_INDEX, 0, Integer.class),
                new HashMap<>(exchange.getProperties()),
                new HashMap<>(exchange.getMessage().getHeaders()),
                exchange.getMessage().getBody(byte[].class)));
    }
}
