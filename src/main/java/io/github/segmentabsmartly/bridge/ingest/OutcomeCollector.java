package io.github.segmentabsmartly.bridge.ingest;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.delivery.HeldEvent;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultExchange;

/**
 * Gathers the outcome of every event of a request's array or batch, in order, as the body of the split's result.
 * (The one event of a single-event request has its outcome gathered by {@link OneEventOutcome}, by the same rule.)
 *
 * <p>Every event's outcome passes here, even when a handled exception cut its route short, so this is also
 * where deduplication forgets the messageId of an event that was not delivered (its resend must go through),
 * and confirms the others (a lasting store records them only then). An event held for its request's batch call
 * has no outcome yet: it is gathered with the others held (property bridgeHeldEvents), and its outcome comes
 * through here again once the batch call is over (delivery.yaml, absmartly-collector-batch).
 */
public class OutcomeCollector implements AggregationStrategy {

    private final IdempotentRepository dedup;

    public OutcomeCollector(IdempotentRepository dedup) {
        this.dedup = dedup;
    }

    /**
     * The result is a fresh exchange rather than the first event's: Camel copies the result's error-handling
     * state onto the request, and an event's handled rejection must not stop the request's route.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange collected, Exchange next) {
        Exchange result = collected != null ? collected : new DefaultExchange(next.getContext());
        List<EventOutcome> outcomes = collected != null ? result.getMessage().getBody(List.class) : new ArrayList<>();
        HeldEvent held = next.getProperty(BridgeExchange.HELD_EVENT, HeldEvent.class);
        if (held != null && next.getException() == null) {
            // its outcome comes with the batch call (CollectorBatchCall): until then, one that asks for a resend
            outcomes.add(new EventOutcome(held.index(), messageIdOf(next), EventOutcome.Kind.RETRY_LATER,
                    "held for the Collector's batch call", null, null, false, EventOutcome.INTERNAL_ERROR));
            List<HeldEvent> heldEvents = result.getProperty(BridgeExchange.HELD_EVENTS, List.class);
            if (heldEvents == null) {
                heldEvents = new ArrayList<>();
                result.setProperty(BridgeExchange.HELD_EVENTS, heldEvents);
            }
            heldEvents.add(held);
            result.getMessage().setBody(outcomes);
            return result;
        }
        outcomes.add(settledOutcome(dedup, next));
        result.getMessage().setBody(outcomes);
        return result;
    }

    /** The outcome of an event whose route has ended, its messageId settled accordingly. */
    static EventOutcome settledOutcome(IdempotentRepository dedup, Exchange event) {
        EventOutcome outcome = outcomeOf(event);
        settle(dedup, event.getProperty(BridgeExchange.DEDUP_KEY, String.class), outcome.kind().mayBeSentAgain());
        return outcome;
    }

    /**
     * Settles an event's messageId once its outcome is known: forgotten when the event is to be sent again (its
     * resend must go through), confirmed otherwise (a lasting store records it only then).
     */
    static void settle(IdempotentRepository dedup, String dedupKey, boolean mayBeSentAgain) {
        if (dedupKey != null && mayBeSentAgain) {
            dedup.remove(dedupKey);
        } else if (dedupKey != null) {
            dedup.confirm(dedupKey);
        }
    }

    private static String messageIdOf(Exchange exchange) {
        SegmentEvent event = exchange.getProperty(BridgeExchange.EVENT, SegmentEvent.class);
        return event == null ? null : event.messageId();
    }

    private static EventOutcome outcomeOf(Exchange exchange) {
        EventOutcome outcome = exchange.getProperty(BridgeExchange.OUTCOME, EventOutcome.class);
        if (exchange.getException() != null || outcome == null) {
            String cause = exchange.getException() == null ? "no outcome" : exchange.getException().toString();
            return Outcomes.record(exchange, EventOutcome.Kind.RETRY_LATER, EventOutcome.INTERNAL_ERROR,
                    "internal error: " + cause, null, null);
        }
        return outcome;
    }
}
