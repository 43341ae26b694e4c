package io.github.segmentabsmartly.bridge.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.event.EventText;
import io.github.segmentabsmartly.bridge.event.RejectionCode;
import io.github.segmentabsmartly.bridge.event.UnreadableEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Reads the one Segment event handed to {@code direct:absmartly-sink} (a Map, a Jackson tree, or JSON as text, bytes
 * or a stream) into a list of one event, for the sink's split. JSON stays text until EventCheck parses it; what is
 * empty or too large becomes an UnreadableEvent, to be rejected with its reason like any other bad event.
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
        // parsed, or rejected for its JSON, when its turn comes (EventCheck), as an event of a request is
        return new EventText(json, 0, json.length, Map.of());
    }
}
