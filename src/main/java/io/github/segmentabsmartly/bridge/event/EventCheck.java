package io.github.segmentabsmartly.bridge.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.BridgeJson;
import io.github.segmentabsmartly.bridge.settings.Source;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Makes the body the event: parsed from its JSON (a batch's {@code sentAt}, {@code context} and {@code integrations}
 * merged in, the event's own keys winning), a JSON object with a string {@code type}, lower-cased, an {@code event}
 * name that is a string if there is one, and without a {@code writeKey}, which is never stored or sent on. The event's messageId and source are its dedup key.
 */
public class EventCheck implements Processor {

    private final ObjectMapper mapper;

    public EventCheck(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) {
        Map<String, Object> fields = fieldsOf(exchange.getIn().getBody());
        if (!(fields.get("type") instanceof String type) || type.isBlank()) {
            throw new EventRejectedException(RejectionCode.NO_TYPE,
                    "an event needs a type (track, page, screen, identify, group or alias)");
        }
        fields.put("type", type.trim().toLowerCase(Locale.ROOT));
        fields.remove("writeKey");
        SegmentEvent event = new SegmentEvent(fields);
        // the routes test it: a number or an object there is no event name
        event.optionalString("event");
        exchange.setProperty(BridgeExchange.EVENT, event);
        if (exchange.getProperty(BridgeExchange.RECEIVED_AT) == null) {
            exchange.setProperty(BridgeExchange.RECEIVED_AT, System.currentTimeMillis());
        }
        if (event.messageId() != null) {
            Source source = exchange.getProperty(BridgeExchange.SOURCE, Source.SINK, Source.class);
            exchange.setProperty(BridgeExchange.DEDUP_KEY, source.id() + ":" + event.messageId());
        }
        exchange.getIn().setBody(fields);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fieldsOf(Object body) {
        if (body instanceof UnreadableEvent unreadable) {
            throw new EventRejectedException(unreadable.code(), unreadable.reason());
        }
        if (body instanceof EventText text) {
            return withBatchFields(parse(text), text.fromBatch());
        }
        if (body instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new EventRejectedException(RejectionCode.NOT_AN_OBJECT, "an event must be a JSON object");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(EventText text) {
        try {
            Object parsed = mapper.readValue(text.json(), text.offset(), text.length(), Object.class);
            if (parsed instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (JsonProcessingException malformed) {
            throw new EventRejectedException(RejectionCode.MALFORMED_JSON, BridgeJson.describe(malformed));
        } catch (IOException unreadable) {
            throw new EventRejectedException(RejectionCode.MALFORMED_JSON, "the event is not readable JSON");
        }
        throw new EventRejectedException(RejectionCode.NOT_AN_OBJECT, "an event must be a JSON object");
    }

    /** The batch's fields the event lacks; of an object both have, the keys the event lacks. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withBatchFields(Map<String, Object> event, Map<String, Object> fromBatch) {
        fromBatch.forEach((name, batchValue) -> {
            Object own = event.get(name);
            if (own == null) {
                event.put(name, batchValue);
            } else if (own instanceof Map<?, ?> ownObject && batchValue instanceof Map<?, ?> batchObject) {
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) batchObject);
                merged.putAll((Map<String, Object>) ownObject);
                event.put(name, merged);
            }
        });
        return event;
    }
}
