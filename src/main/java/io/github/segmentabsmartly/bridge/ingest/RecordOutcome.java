package io.github.segmentabsmartly.bridge.ingest;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.event.EventRejectedException;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Marks the event as delivered, written to the outbox, ignored or rejected, with the reason the sender sees.
 * A rejection's reason is the message of the exception that rejected it.
 */
public class RecordOutcome implements Processor {

    private final EventOutcome.Kind kind;

    public RecordOutcome(EventOutcome.Kind kind) {
        this.kind = kind;
    }

    @Override
    public void process(Exchange exchange) {
        Outcomes.record(exchange, kind, reasonCode(exchange), reason(exchange), null, null);
    }

    private String reasonCode(Exchange exchange) {
        return switch (kind) {
            case REJECTED ->
                    exchange.getProperty(Exchange.EXCEPTION_CAUGHT, EventRejectedException.class).code().tag();
            case IGNORED -> exchange.getProperty(BridgeExchange.IGNORED_BECAUSE) == null
                    ? "type_not_sent" : trackingOff(exchange.getProperty(BridgeExchange.EVENT, SegmentEvent.class));
            default -> "none";
        };
    }

    /** Only the page, screen and exposure routes ignore an event for a toggle, so its type names the toggle. */
    private static String trackingOff(SegmentEvent event) {
        return (event.type().equals("track") ? "exposure" : event.type()) + "_tracking_off";
    }

    private String reason(Exchange exchange) {
        return switch (kind) {
            case DRY_RUN -> "dry run: written to the outbox because ABSMARTLY_COLLECTOR_ENDPOINT is not set";
            case IGNORED -> exchange.getProperty(BridgeExchange.IGNORED_BECAUSE, notSent(exchange), String.class);
            case DUPLICATE -> "this messageId was delivered already";
            case REJECTED -> exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage();
            default -> null;
        };
    }

    private static String notSent(Exchange exchange) {
        SegmentEvent event = exchange.getProperty(BridgeExchange.EVENT, SegmentEvent.class);
        return event.type() + " calls are not sent to ABsmartly";
    }
}
