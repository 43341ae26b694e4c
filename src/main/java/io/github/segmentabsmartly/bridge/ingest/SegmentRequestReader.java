package io.github.segmentabsmartly.bridge.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.github.segmentabsmartly.bridge.BridgeExchange;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Reads a request body into the list of events it carries: one event, a JSON array of events, or Segment's
 * {@code {"batch": [...]}}. On the HTTP Tracking API paths the call in the path is the type of an event
 * that has none. Anything unreadable is refused as a whole, with a message that says what to fix.
 */
public class SegmentRequestReader implements Processor {

    private static final Set<String> TRACKING_API_CALLS =
            Set.of("track", "page", "screen", "identify", "group", "alias", "batch");

    private final ObjectMapper mapper;

    public SegmentRequestReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.setProperty(BridgeExchange.RECEIVED_AT, System.currentTimeMillis());
        String call = exchange.getProperty(BridgeExchange.IMPLIED_CALL, String.class);
        if (call != null && !TRACKING_API_CALLS.contains(call)) {
            throw new RequestRejectedException(404, "unknown call /v1/" + call + ": use one of " + TRACKING_API_CALLS);
        }
        refuseFormBodies(exchange.getIn().getHeader(Exchange.CONTENT_TYPE, String.class));
        Object body = parse(exchange.getIn().getBody(byte[].class));
        boolean single = body instanceof Map<?, ?> map && !map.containsKey("batch");
        exchange.setProperty(BridgeExchange.SINGLE_EVENT, single);
        exchange.getIn().setBody(single ? List.of(withImpliedType(body, call)) : eventsOf(body));
    }

    /** Form bodies are decoded by the HTTP server before we see them, so the JSON in them is already lost. */
    private static void refuseFormBodies(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/")) {
            throw new RequestRejectedException(415, "send the events as JSON with Content-Type: application/json"
                    + " (curl sends form data by default: add -H 'Content-Type: application/json')");
        }
    }

    private Object parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw new RequestRejectedException(400, "the body is empty: send a Segment event as JSON");
        }
        try {
            return mapper.readValue(raw, Object.class);
        } catch (JsonProcessingException malformed) {
            String problem = malformed.getOriginalMessage();
            int sourceReference = problem.indexOf(" (start marker at");
            throw new RequestRejectedException(400, "malformed JSON: "
                    + (sourceReference < 0 ? problem : problem.substring(0, sourceReference))
                    + " at line " + malformed.getLocation().getLineNr()
                    + ", column " + malformed.getLocation().getColumnNr());
        } catch (IOException unreadable) {
            throw new RequestRejectedException(400, "unreadable body: " + unreadable.getMessage());
        }
    }

    private static List<?> eventsOf(Object body) {
        if (body instanceof List<?> events) {
            return withNullsKept(events);
        }
        if (body instanceof Map<?, ?> envelope && envelope.get("batch") instanceof List<?> events) {
            events.forEach(event -> inheritFromBatch(event, envelope));
            return withNullsKept(events);
        }
        throw new RequestRejectedException(400, body instanceof Map
                ? "batch must be an array of events"
                : "the body must be a Segment event (a JSON object), an array of events, or {\"batch\": [...]}");
    }

    /** Camel's split skips null elements; a JSON null must instead be answered as a rejected event. */
    private static List<?> withNullsKept(List<?> events) {
        return events.contains(null)
                ? events.stream().map(event -> event == null ? NullNode.getInstance() : event).toList()
                : events;
    }

    /** Segment's libraries put sentAt (and sometimes context) on the batch rather than on each event. */
    @SuppressWarnings("unchecked")
    private static void inheritFromBatch(Object event, Map<?, ?> envelope) {
        if (event instanceof Map<?, ?> map) {
            for (String shared : List.of("sentAt", "context")) {
                if (envelope.get(shared) != null) {
                    ((Map<String, Object>) map).putIfAbsent(shared, envelope.get(shared));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Object withImpliedType(Object event, String call) {
        if (call != null && !call.equals("batch")) {
            ((Map<String, Object>) event).putIfAbsent("type", call);
        }
        return event;
    }
}
