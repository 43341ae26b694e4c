package io.github.segmentabsmartly.bridge.delivery;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.outcome.EventOutcome;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** The request's outcomes again, now with those of its held events (the body), for the sender's answer. */
public class HeldOutcomes implements Processor {

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        List<EventOutcome> all = new ArrayList<>(exchange.getProperty(BridgeExchange.OUTCOMES, List.class));
        all.addAll(exchange.getMessage().getBody(List.class));
        exchange.getMessage().setBody(all);
    }
}
