package io.github.segmentabsmartly.bridge.delivery;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.outcome.EventOutcome;
import io.github.segmentabsmartly.bridge.outcome.Outcomes;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;

/**
 * For a batch-call route (absmartly-collector-batch) that failed outright, where each held event would have had its
 * outcome: each is to be sent again, and the dedup key of each the Collector did not take in a batch call is
 * forgotten, so that the resend is delivered rather than taken for a duplicate.
 */
public class HeldEventsNotDelivered implements Processor {

    private final IdempotentRepository dedup;

    public HeldEventsNotDelivered(IdempotentRepository dedup) {
        this.dedup = dedup;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        // the request's outcomes, which the route set aside before the batch calls
        List<EventOutcome> requestOutcomes = exchange.getProperty(BridgeExchange.OUTCOMES, List.class);
        List<EventOutcome> outcomes = new ArrayList<>(requestOutcomes != null
                ? requestOutcomes : exchange.getMessage().getBody(List.class));
        for (HeldEvent held : (List<HeldEvent>) exchange.getProperty(BridgeExchange.HELD_EVENTS, List.class)) {
            String claimedKey = (String) held.properties().get(BridgeExchange.CLAIMED_KEY);
            if (claimedKey != null && held.sentInBatch()) {
                dedup.confirm(claimedKey);
            } else if (claimedKey != null) {
                dedup.remove(claimedKey);
            }
            Exchange event = exchange.copy();
            event.getProperties().putAll(held.properties());
            event.setProperty(Exchange.SPLIT_INDEX, held.index());
            outcomes.add(Outcomes.record(event, EventOutcome.Kind.RETRY_LATER, EventOutcome.INTERNAL_ERROR,
                    "internal error: the bridge logged it; send it again", String.valueOf(cause), null, null));
        }
        exchange.getMessage().setBody(outcomes);
    }
}
