package io.github.segmentabsmartly.bridge.replay;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.ingest.EventOutcome;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Gathers a replay's outcomes as the request's are gathered, and halts the replay when the Collector could not take
 * an event now (no answer, a 5xx or 429, the key refused): the events after it are not sent
 * ({@link SkipWhenReplayHalted}), since each would wait out its delivery budget and a large file would take hours to
 * reach {@code .failed/}. An internal error is the event's own, and the replay goes on after it. Done here, where
 * every event ends, because an event whose failure its route handled ends its split's steps there.
 */
public class HaltReplayOnCollectorAway implements AggregationStrategy {

    private final AggregationStrategy outcomes;

    public HaltReplayOnCollectorAway(AggregationStrategy outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public Exchange aggregate(Exchange gathered, Exchange event) {
        EventOutcome outcome = event.getProperty(BridgeExchange.OUTCOME, EventOutcome.class);
        if (outcome != null && outcome.kind() == EventOutcome.Kind.RETRY_LATER && !outcome.isInternalError()) {
            event.getProperty(ReplayHalt.PROPERTY, ReplayHalt.class).haltAt(outcome);
        }
        return outcomes.aggregate(gathered, event);
    }
}
