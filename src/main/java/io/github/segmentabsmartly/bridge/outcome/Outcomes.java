package io.github.segmentabsmartly.bridge.outcome;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records an event's outcome on its exchange, counts it, and logs the ones somebody should look at. */
public final class Outcomes {

    private static final Logger LOG = LoggerFactory.getLogger("bridge.outcomes");

    private Outcomes() {
    }

    /** An outcome with no detail beyond its reason. */
    public static EventOutcome record(Exchange exchange, EventOutcome.Kind kind, String reasonCode, String reason) {
        return record(exchange, kind, reasonCode, reason, null, null, null);
    }

    public static EventOutcome record(Exchange exchange, EventOutcome.Kind kind, String reasonCode, String reason,
            String detail, Integer collectorStatus, Long retryAfterSeconds) {
        String messageId = messageIdOf(exchange);
        int index = exchange.getProperty(Exchange.SPLIT_INDEX, 0, Integer.class);
        EventOutcome outcome = new EventOutcome(index, messageId, kind, reason, collectorStatus, retryAfterSeconds,
                reasonCode, detail);
        // an event is received once, even when a later step replaces its outcome (a dead letter not written)
        boolean replaced = exchange.getProperty(BridgeExchange.OUTCOME) != null;
        exchange.setProperty(BridgeExchange.OUTCOME, outcome);
        OutcomeMetrics.count(exchange, outcome, !replaced);
        switch (kind) {
            case REJECTED, DEAD_LETTERED, RETRY_LATER ->
                    LOG.warn("{} event {} (messageId {}): {}", kind.label(), index, messageId, outcome.fullReason());
            default -> LOG.debug("{} event {} (messageId {}){}", kind.label(), index, messageId,
                    reason == null ? "" : ": " + reason);
        }
        return outcome;
    }

    /** The messageId of the exchange's event, when it has one. */
    public static String messageIdOf(Exchange exchange) {
        SegmentEvent event = exchange.getProperty(BridgeExchange.EVENT, SegmentEvent.class);
        return event == null ? null : event.messageId();
    }
}
