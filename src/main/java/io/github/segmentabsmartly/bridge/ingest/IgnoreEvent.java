package io.github.segmentabsmartly.bridge.ingest;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Acknowledges an event that is deliberately not sent. A fixed reason (a tracking toggle that is off) comes
 * with its own metric code; otherwise a route may say why in the {@code ignoredBecause} property, and with
 * neither the reason is that calls of the event's type are not sent.
 */
public final class IgnoreEvent implements Processor {

    private final String code;
    private final String reason;

    private IgnoreEvent(String code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    /** For the reason the route gives, or the event's type. */
    public static IgnoreEvent byRoute() {
        return new IgnoreEvent(null, null);
    }

    /** For a reason known in advance, with its metric code. */
    public static IgnoreEvent because(String code, String reason) {
        return new IgnoreEvent(code, reason);
    }

    @Override
    public void process(Exchange exchange) {
        if (code != null) {
            Outcomes.record(exchange, EventOutcome.Kind.IGNORED, code, reason, null, null);
            return;
        }
        String routeReason = exchange.getProperty(BridgeExchange.IGNORED_BECAUSE, String.class);
        if (routeReason != null) {
            Outcomes.record(exchange, EventOutcome.Kind.IGNORED, "ignored_by_route", routeReason, null, null);
        } else {
            SegmentEvent event = exchange.getProperty(BridgeExchange.EVENT, SegmentEvent.class);
            Outcomes.record(exchange, EventOutcome.Kind.IGNORED, "type_not_sent",
                    event.type() + " calls are not sent to ABsmartly", null, null);
        }
    }
}
