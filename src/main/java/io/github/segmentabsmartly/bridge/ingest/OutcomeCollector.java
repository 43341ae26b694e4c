package io.github.segmentabsmartly.bridge.ingest;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultExchange;

/**
 * Gathers the outcome of every event of a request, in order, as the body of the split's result.
 *
 * <p>Every event's outcome passes here, even when a handled exception cut its route short, so this is also
 * where deduplication forgets the messageId of an event that was not delivered (its resend must go through),
 * and confirms the others (a lasting store records them only then).
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
        EventOutcome outcome = outcomeOf(next);
        String dedupKey = next.getProperty(BridgeExchange.DEDUP_KEY, String.class);
        if (dedupKey != null && outcome.kind().mayBeSentAgain()) {
            dedup.remove(dedupKey);
        } else if (dedupKey != null) {
            dedup.confirm(dedupKey);
        }
        outcomes.add(outcome);
        result.getMessage().setBody(outcomes);
        return result;
    }

    private static EventOutcome outcomeOf(Exchange exchange) {
        EventOutcome outcome = exchange.getProperty(BridgeExchange.OUTCOME, EventOutcome.class);
        if (exchange.getException() != null || outcome == null) {
            String cause = exchange.getException() == null ? "no outcome" : exchange.getException().toString();
            return Outcomes.record(exchange, EventOutcome.Kind.RETRY_LATER, "internal_error",
                    "internal error: " + cause, null, null);
        }
        return outcome;
    }
}
