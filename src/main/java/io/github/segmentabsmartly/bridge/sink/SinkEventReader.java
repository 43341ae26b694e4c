package io.github.segmentabsmartly.bridge.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.BridgeJson;
import io.github.segmentabsmartly.bridge.event.RejectionCode;
import io.github.segmentabsmartly.bridge.event.UnreadableEvent;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Reads the one Segment event handed to {@code direct:absmartly-sink} (a Map, a Jackson tree, or JSON as text, bytes
 * or a stream) into a list of one event, for the sink's split. What cannot be read becomes an UnreadableEvent, to be
 * rejected with its reason like any other bad event.
 */
public class SinkEventReader implements Processor {

    private final ObjectMapper mapper;
    private final long maxEventBytes;

    public SinkEventReader(ObjectMapper mapper, long maxEventBytes) {
        this.mapper = mapper;
        this.maxEventBytes = maxEventBytes;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.getIn().setBody(List.of(eventOf(exchange)));
    }

    private Object eventOf(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        if (body instanceof Map<?, ?> event) {
            // a copy: checking the event edits it, and the caller's map is the caller's
            return new LinkedHashMap<>(event);
        }
        if (body instanceof JsonNode tree) {
            return mapper.convertValue(tree, Object.class);
        }
        byte[] json = exchange.getIn().getBody(byte[].class);
        if (json == null || json.length == 0) {
            return new UnreadableEvent(RejectionCode.NOT_AN_OBJECT, "the body is empty: send a Segment event");
        }
        if (json.length > maxEventBytes) {
            return new UnreadableEvent(RejectionCode.TOO_LARGE,
                    "the event is " + json.length + " bytes, over the limit of " + maxEventBytes + " bytes");
        }
        try {
            return mapper.readValue(json, Object.class);
        } catch (JsonProcessingException malformed) {
            return new UnreadableEvent(RejectionCode.MALFORMED_JSON, BridgeJson.describe(malformed));
        } catch (IOException unreadable) {
            return new UnreadableEvent(RejectionCode.MALFORMED_JSON, "the event is not readable JSON");
        }
    }
}
