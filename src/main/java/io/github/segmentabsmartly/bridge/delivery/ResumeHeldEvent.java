package io.github.segmentabsmartly.bridge.delivery;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import java.util.HashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Makes the exchange of a held event (the body, split from the request's held events) what it was when it was held,
 * and says whether the Collector accepted it in a batch call: it then goes on as if it had been sent alone.
 */
public class ResumeHeldEvent implements Processor {

    @Override
    public void process(Exchange exchange) {
        HeldEvent held = exchange.getMessage().getBody(HeldEvent.class);
        exchange.getProperties().putAll(held.properties());
        exchange.setProperty(Exchange.SPLIT_INDEX, held.index());
        exchange.setProperty(BridgeExchange.SENT_IN_BATCH, held.sentInBatch());
        exchange.getMessage().setHeaders(new HashMap<>(held.headers()));
        exchange.getMessage().setBody(held.body());
    }
}
