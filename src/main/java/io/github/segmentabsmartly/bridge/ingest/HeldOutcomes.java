package io.github.segmentabsmartly.bridge.ingest;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Puts the outcomes of a request's held events (the body, once they have been through the batch call) in their
 * places among the request's other outcomes (kept in property bridgeOutcomes), and makes that the body again.
 */
public class HeldOutcomes implements Processor {

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        List<EventOutcome> all = new ArrayList<>(exchange.getProperty(BridgeExchange.OUTCOMES, List.class));
        for (EventOutcome held : (List<EventOutcome>) exchange.getMessage().getBody(List.class)) {
            all.set(held.index(), held);
        }
        exchange.getMessage().setBody(all);
    }
}
