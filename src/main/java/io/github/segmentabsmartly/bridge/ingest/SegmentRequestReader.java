package io.github.segmentabsmartly.bridge.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.BridgeJson;
import io.github.segmentabsmartly.bridge.event.RejectionCode;
import io.github.segmentabsmartly.bridge.settings.RequestLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Reads a request body into the events it carries: one event (the body is then that event, and property
 * {@link BridgeExchange#SINGLE_EVENT} is true), or the list of a JSON array of events or of Segment's
 * {@code {"batch": [...]}}. On the HTTP Tracking API paths the call in the path is the type of an event
 * that has none. Anything unreadable is refused as a whole, with a message that says what to fix; within a
 * batch, an element that is null or over the event size limit is kept in place to be rejected on its own
 * (Camel's split would skip a null, and shift every later index). A {@code writeKey} in the body is taken
 * out of it, into {@link BridgeExchange#BODY_WRITE_KEY}, so that it is never stored with an event.
 */
public class SegmentRequestReader implements Processor {

    private static final Set<String> TRACKING_API_CALLS =
            Set.of("track", "page", "screen", "identify", "group", "alias", "batch", "import");

    private final ObjectMapper mapper;
    private final RequestLimits limits;

    public SegmentRequestReader(ObjectMapper mapper, RequestLimits limits) {
        this.mapper = mapper;
        this.limits = limits;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.setProperty(BridgeExchange.RECEIVED_AT, System.currentTimeMillis());
        String call = exchange.getProperty(BridgeExchange.IMPLIED_CALL, String.class);
        if (call != null && !TRACKING_API_CALLS.contains(call)) {
            throw new RequestRejectedException(404, "unknown call /v1/" + call + ": use one of " + TRACKING_API_CALLS);
        }
        byte[] raw = exchange.getIn().getBody(byte[].class);
        if (call != null && raw != null && raw.length > limits.maxTrackingApiBytes()) {
            throw tooLarge("the body is " + raw.length + " bytes", limits.maxTrackingApiBytes());
        }
        Object body = parse(raw);
        boolean single = body instanceof Map<?, ?> map && !map.containsKey("batch");
        if (single && raw.length > limits.maxEventBytes()) {
            throw tooLarge("the event is " + raw.length + " bytes", limits.maxEventBytes());
        }
        if (body instanceof Map<?, ?> map && map.remove("writeKey") instanceof String writeKey) {
            exchange.setProperty(BridgeExchange.BODY_WRITE_KEY, writeKey);
        }
        exchange.setProperty(BridgeExchange.SINGLE_EVENT, single);
        exchange.getIn().setBody(single ? withImpliedType(body, call) : checkedEvents(eventsOf(body), raw));
    }

    private static RequestRejectedException tooLarge(String what, long limit) {
        return new RequestRejectedException(413, what + ", over the limit of " + limit + " bytes");
    }

    private Object parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw new RequestRejectedException(400, "the body is empty: send a Segment event as JSON");
        }
        try {
            return mapper.readValue(raw, Object.class);
        } catch (JsonProcessingException malformed) {
            throw new RequestRejectedException(400, BridgeJson.describe(malformed));
        } catch (IOException unreadable) {
            throw new RequestRejectedException(400, "unreadable body: " + unreadable.getMessage());
        }
    }

    private static List<?> eventsOf(Object body) {
        if (body instanceof List<?> events) {
            return events;
        }
        if (body instanceof Map<?, ?> envelope && envelope.get("batch") instanceof List<?> events) {
            events.forEach(event -> inheritFromBatch(event, envelope));
            return events;
        }
        throw new RequestRejectedException(400, body instanceof Map
                ? "batch must be an array of events"
                : "the body must be a Segment event (a JSON object), an array of events, or {\"batch\": [...]}");
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

    /** Keeps each element in place, turning the ones to reject (null, too large) into an UnreadableEvent. */
    private List<?> checkedEvents(List<?> events, byte[] raw) {
        if (events.size() > limits.maxBatchEvents()) {
            throw new RequestRejectedException(413, "the batch has " + events.size()
                    + " events, over the limit of " + limits.maxBatchEvents());
        }
        boolean someMayBeTooLarge = raw.length > limits.maxEventBytes();
        if (!someMayBeTooLarge && !events.contains(null)) {
            return events;
        }
        List<Object> checked = new ArrayList<>(events.size());
        for (Object event : events) {
            checked.add(checkedElement(event, someMayBeTooLarge));
        }
        return checked;
    }

    private Object checkedElement(Object event, boolean mayBeTooLarge) {
        if (event == null) {
            return new UnreadableEvent(RejectionCode.NOT_AN_OBJECT, "an event must be a JSON object, not null");
        }
        long size = mayBeTooLarge ? sizeOf(event) : 0;
        if (size > limits.maxEventBytes()) {
            return new UnreadableEvent(RejectionCode.TOO_LARGE, "the event is " + size + " bytes, over the limit of "
                    + limits.maxEventBytes() + " bytes");
        }
        return event;
    }

    private long sizeOf(Object event) {
        try {
            return mapper.writeValueAsBytes(event).length;
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object withImpliedType(Object event, String call) {
        if (call != null && !call.equals("batch") && !call.equals("import")) {
            ((Map<String, Object>) event).putIfAbsent("type", call);
        }
        return event;
    }
}
