package io.github.segmentabsmartly.bridge.ingest;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.event.EventRejectedException;
import io.github.segmentabsmartly.bridge.event.RejectionCode;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Lets through only JSON objects with a string {@code type}, the one field routing needs, and takes out any
 * {@code writeKey} so that it is never stored or sent with the event. The type, event name and messageId the
 * routes choose on are set as plain exchange properties: a simple expression reads those without reflection.
 */
public class EventCheck implements Processor {

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        if (exchange.getIn().getBody() instanceof UnreadableEvent unreadable) {
            throw new EventRejectedException(unreadable.code(), unreadable.reason());
        }
        if (!(exchange.getIn().getBody() instanceof Map<?, ?> body)) {
            throw new EventRejectedException(RejectionCode.NOT_AN_OBJECT, "an event must be a JSON object");
        }
        Map<String, Object> fields = (Map<String, Object>) body;
        if (!(fields.get("type") instanceof String type) || type.isBlank()) {
            throw new EventRejectedException(RejectionCode.NO_TYPE,
                    "an event needs a type (track, page, screen, identify, group or alias)");
        }
        fields.put("type", type.trim().toLowerCase(Locale.ROOT));
        fields.remove("writeKey");
        SegmentEvent event = new SegmentEvent(fields);
        exchange.setProperty(BridgeExchange.EVENT, event);
        exchange.setProperty(BridgeExchange.EVENT_TYPE, event.type());
        if (fields.get("event") instanceof String name) {
            exchange.setProperty(BridgeExchange.EVENT_NAME, name);
        }
        if (event.messageId() != null) {
            exchange.setProperty(BridgeExchange.MESSAGE_ID, event.messageId());
        }
    }
}
