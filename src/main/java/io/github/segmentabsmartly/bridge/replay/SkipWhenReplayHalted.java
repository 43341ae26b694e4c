package io.github.segmentabsmartly.bridge.replay;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import io.github.segmentabsmartly.bridge.ingest.EventOutcome;
import io.github.segmentabsmartly.bridge.ingest.Outcomes;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Before a replayed event: once the replay has halted ({@link HaltReplayOnCollectorAway}), the event is not sent but
 * given its outcome at once, to be retried later, and so written to {@code .failed/} with the others. A line that
 * is not an event is still checked, which asks nothing of the Collector.
 */
public class SkipWhenReplayHalted implements Processor {

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        EventOutcome cause = exchange.getProperty(ReplayHalt.PROPERTY, ReplayHalt.class).cause();
        if (cause != null && exchange.getIn().getBody() instanceof Map<?, ?> event) {
            exchange.setProperty(BridgeExchange.EVENT, new SegmentEvent((Map<String, Object>) event));
            Outcomes.record(exchange, EventOutcome.Kind.RETRY_LATER, "replay_halted", "not sent: the Collector could"
                    + " not take the event of line " + (cause.index() + 1) + " now (" + cause.reason() + ")", null, null);
        }
    }
}
