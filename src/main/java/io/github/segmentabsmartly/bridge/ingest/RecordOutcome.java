package io.github.segmentabsmartly.bridge.ingest;

import io.github.segmentabsmartly.bridge.event.EventRejectedException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Marks the event as delivered, written to the outbox, a duplicate or rejected, with the reason the sender
 * sees. A rejection's reason and code are those of the exception that rejected it. (Ignored: IgnoreEvent.)
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
            default -> "none";
        };
    }

    private String reason(Exchange exchange) {
        return switch (kind) {
            case DRY_RUN -> "dry run: written to the outbox because ABSMARTLY_COLLECTOR_ENDPOINT is not set";
            case DUPLICATE -> "this messageId was delivered already";
            case REJECTED -> exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage();
            default -> null;
        };
    }
}
