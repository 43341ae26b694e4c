package io.github.segmentabsmartly.bridge.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.BridgeJson;
import io.github.segmentabsmartly.bridge.event.EventText;
import io.github.segmentabsmartly.bridge.event.RejectionCode;
import io.github.segmentabsmartly.bridge.event.UnreadableEvent;
import io.github.segmentabsmartly.bridge.settings.RequestLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Finds the events a request body carries, reading its tokens without building anything from them: one event (then
 * property absmartlySingleEvent is true), the elements of a JSON array, or those of Segment's {@code {"batch": [...]}},
 * whose {@code sentAt}, {@code context} and {@code integrations} each of its events gets where it lacks them. The body
 * becomes the list of events, each still its JSON text (an event.EventText), parsed when its turn comes. An element
 * that is not an object, or is over the event size limit, is kept in place to be rejected on its own. On the Tracking
 * API's paths, the call in the path is the type of an event that has none.
 */
public class SegmentRequestReader implements Processor {

    private static final Set<String> FROM_BATCH = Set.of("sentAt", "context", "integrations");
    private static final Set<String> WITHOUT_IMPLIED_TYPE = Set.of("batch", "import");

    private final JsonFactory json = BridgeJson.factory();
    /** For a value in the middle of the body: the rest of the body is not its trailing tokens. */
    private final ObjectReader fieldValue;
    private final RequestLimits limits;

    public SegmentRequestReader(ObjectMapper mapper, RequestLimits limits) {
        this.fieldValue = mapper.readerFor(Object.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.limits = limits;
    }

    @Override
    public void process(Exchange exchange) {
        byte[] body = exchange.getIn().getBody(byte[].class);
        if (body == null || body.length == 0) {
            throw new RequestRejectedException(400, "the body is empty: send a Segment event as JSON");
        }
        String call = exchange.getVariable(BridgeExchange.TRACKING_API_CALL, String.class);
        try (JsonParser parser = json.createParser(body)) {
            JsonToken first = parser.nextToken();
            Events events;
            if (first == JsonToken.START_ARRAY) {
                events = new Events(elements(parser, body, Map.of()), false);
            } else if (first == JsonToken.START_OBJECT) {
                events = eventOrBatch(parser, body, call);
            } else {
                throw new RequestRejectedException(400, "the body must be a Segment event (a JSON object), an array"
                        + " of events, or {\"batch\": [...]}");
            }
            if (parser.nextToken() != null) {
                throw new RequestRejectedException(400, "malformed JSON: more after the end of the body's value");
            }
            exchange.setProperty(BridgeExchange.SINGLE_EVENT, events.single());
            exchange.getIn().setBody(events.list());
        } catch (JsonProcessingException malformed) {
            throw new RequestRejectedException(400, BridgeJson.describe(malformed));
        } catch (IOException unreadable) {
            throw new RequestRejectedException(400, "the body is not readable JSON");
        }
    }

    /** The object's fields are skipped, but for a batch's events and what they get from the batch. */
    private Events eventOrBatch(JsonParser parser, byte[] body, String call) throws IOException {
        Map<String, Object> fromBatch = new HashMap<>();
        List<Object> batch = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("batch")) {
                if (value != JsonToken.START_ARRAY) {
                    throw new RequestRejectedException(400, "batch must be an array of events");
                }
                batch = elements(parser, body, fromBatch);
            } else if (FROM_BATCH.contains(name)) {
                fromBatch.put(name, fieldValue.readValue(parser));
            } else {
                parser.skipChildren();
            }
        }
        if (batch != null) {
            fromBatch.values().removeIf(value -> value == null);
            return new Events(batch, false);
        }
        if (body.length > limits.maxEventBytes()) {
            throw new RequestRejectedException(413, "the event is " + body.length + " bytes, over the limit of "
                    + limits.maxEventBytes() + " bytes");
        }
        Map<String, Object> implied = new LinkedHashMap<>();
        if (call != null && !WITHOUT_IMPLIED_TYPE.contains(call)) {
            implied.put("type", call);
        }
        return new Events(List.of(new EventText(body, 0, body.length, implied)), true);
    }

    /** Each element of the array the parser is in: its span of the body, or what is wrong with it. */
    private List<Object> elements(JsonParser parser, byte[] body, Map<String, Object> fromBatch) throws IOException {
        List<Object> events = new ArrayList<>();
        for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
            if (element == null) {
                throw new RequestRejectedException(400, "malformed JSON: the array does not end");
            }
            if (events.size() == limits.maxBatchEvents()) {
                throw new RequestRejectedException(413, "the batch has more than " + limits.maxBatchEvents()
                        + " events, the limit");
            }
            int start = (int) parser.currentTokenLocation().getByteOffset();
            parser.skipChildren();
            int length = (int) parser.currentLocation().getByteOffset() - start;
            if (element != JsonToken.START_OBJECT) {
                events.add(new UnreadableEvent(RejectionCode.NOT_AN_OBJECT, element == JsonToken.VALUE_NULL
                        ? "an event must be a JSON object, not null" : "an event must be a JSON object"));
            } else if (length > limits.maxEventBytes()) {
                events.add(new UnreadableEvent(RejectionCode.TOO_LARGE, "the event is " + length
                        + " bytes, over the limit of " + limits.maxEventBytes() + " bytes"));
            } else {
                events.add(new EventText(body, start, length, fromBatch));
            }
        }
        return events;
    }

    /** @param single whether the body was one event, rather than an array or a batch (of any size) */
    private record Events(List<Object> list, boolean single) {
    }
}
