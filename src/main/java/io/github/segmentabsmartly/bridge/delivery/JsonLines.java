package io.github.segmentabsmartly.bridge.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import io.github.segmentabsmartly.bridge.settings.Source;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;

/** One JSON object per line, the form of the dead-letter and outbox files and of kafka mode's records. */
public final class JsonLines {

    private JsonLines() {
    }

    /** A line that starts with the time it was written. */
    public static Map<String, Object> startLine() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        return line;
    }

    /**
     * Ends a line with the event's source (its id, never the secret behind it, and the environment and application it
     * names) and the event itself.
     */
    public static void endWithEvent(Map<String, Object> line, Exchange exchange) {
        Source source = exchange.getProperty(BridgeExchange.SOURCE, Source.class);
        if (source != null) {
            line.put("source", source);
        }
        line.put("event", exchange.getProperty(BridgeExchange.EVENT, SegmentEvent.class).fields());
    }

    public static void setAsBody(Exchange exchange, ObjectMapper mapper, Map<String, Object> line) {
        try {
            byte[] json = mapper.writeValueAsBytes(line);
            byte[] withNewline = new byte[json.length + 1];
            System.arraycopy(json, 0, withNewline, 0, json.length);
            withNewline[json.length] = '\n';
            exchange.getMessage().setBody(withNewline);
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
