package io.github.segmentabsmartly.bridge.ingest;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records an event's outcome on its exchange, and logs the ones somebody should look at. */
public final class Outcomes {

    private static final Logger LOG = LoggerFactory.getLogger("bridge.outcomes");

    private Outcomes() {
    }

    public static EventOutcome record(Exchange exchange, EventOutcome.Kind kind, String reasonCode, String reason,
            Integer collectorStatus, Long retryAfterSeconds) {
        SegmentEvent event = exchange.getProperty(BridgeExchange.EVENT, SegmentEvent.class);
        String messageId = event == null ? null : event.messageId();
        int index = exchange.getProperty(Exchange.SPLIT_INDEX, 0, Integer.class);
        boolean kept = exchange.getProperty(BridgeExchange.KEEP_FOR_REPLAY, false, Boolean.class);
        EventOutcome outcome =
                new EventOutcome(index, messageId, kind, reason, collectorStatus, retryAfterSeconds, kept, reasonCode);
        // an event is received once, even when a later step replaces its outcome (an internal error)
        boolean replaced = exchange.getProperty(BridgeExchange.OUTCOME) != null;
        exchange.setProperty(BridgeExchange.OUTCOME, outcome);
        OutcomeMetrics.count(exchange, outcome, !replaced);
        switch (kind) {
            case REJECTED, DEAD_LETTERED, RETRY_LATER ->
                    LOG.warn("{} event {} (messageId {}): {}", kind.label(), index, messageId, reason);
            default -> LOG.debug("{} event {} (messageId {}){}", kind.label(), index, messageId,
                    reason == null ? "" : ": " + reason);
        }
        return outcome;
    }
}
