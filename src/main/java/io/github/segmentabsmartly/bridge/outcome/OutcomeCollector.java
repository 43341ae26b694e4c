package io.github.segmentabsmartly.bridge.outcome;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultExchange;

/**
 * Gathers the outcome of every event of a split, in order, as the body of the split's result: the list the sender's
 * answer is made from.
 *
 * <p>Every event's outcome passes here, even when a handled failure cut its route short, so this is also where
 * deduplication forgets the key of an event that was not delivered (its resend must go through), and confirms the
 * others (a lasting store records them only then). An event that failed inside the bridge has no outcome of its own:
 * it is to be sent again. An event held for its request's Collector batch call (delivery.yaml) has no outcome yet:
 * it is gathered with the others held, in property absmartlyHeldEvents.
 */
public class OutcomeCollector implements AggregationStrategy {

    private final IdempotentRepository dedup;

    public OutcomeCollector(IdempotentRepository dedup) {
        this.dedup = dedup;
    }

    /**
     * The result is a fresh exchange rather than the first event's: Camel copies the result's error-handling state
     * onto the request, and an event's handled rejection must not stop the request's route.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange gathered, Exchange event) {
        Exchange result = gathered != null ? gathered : new DefaultExchange(event.getContext());
        List<EventOutcome> outcomes = gathered != null ? result.getMessage().getBody(List.class) : new ArrayList<>();
        Object held = event.getProperty(BridgeExchange.HELD_EVENT);
        if (held != null && event.getException() == null) {
            List<Object> heldEvents = result.getProperty(BridgeExchange.HELD_EVENTS, List.class);
            if (heldEvents == null) {
                heldEvents = new ArrayList<>();
                result.setProperty(BridgeExchange.HELD_EVENTS, heldEvents);
            }
            heldEvents.add(held);
        } else {
            outcomes.add(settledOutcome(event));
        }
        result.getMessage().setBody(outcomes);
        return result;
    }

    /**
     * The split's result replaces the message of the exchange that was split: it keeps that message's headers (a Kafka
     * record's offset, a caller's own), and gets the outcomes as its body.
     */
    @Override
    public void onCompletion(Exchange gathered, Exchange split) {
        if (gathered != null && gathered != split) {
            gathered.getMessage().setHeaders(new HashMap<>(split.getMessage().getHeaders()));
        }
    }

    /** The outcome of an event whose route has ended, the dedup key it claimed settled accordingly. */
    private EventOutcome settledOutcome(Exchange event) {
        EventOutcome outcome = event.getProperty(BridgeExchange.OUTCOME, EventOutcome.class);
        if (event.getException() != null || outcome == null) {
            String cause = event.getException() == null ? "the event's route gave it no outcome"
                    : event.getException().toString();
            outcome = Outcomes.record(event, EventOutcome.Kind.RETRY_LATER, EventOutcome.INTERNAL_ERROR,
                    "internal error: the bridge logged it; send it again", cause, null, null);
        }
        String dedupKey = event.getProperty(BridgeExchange.CLAIMED_KEY, String.class);
        if (dedupKey != null && outcome.kind().mayBeSentAgain()) {
            dedup.remove(dedupKey);
        } else if (dedupKey != null) {
            dedup.confirm(dedupKey);
        }
        return outcome;
    }
}
