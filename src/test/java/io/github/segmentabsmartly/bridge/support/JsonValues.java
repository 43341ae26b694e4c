package io.github.segmentabsmartly.bridge.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import java.io.UncheckedIOException;
import java.util.Map;

/** JSON text literals as the Java values the bridge reads (as its ingest parses them), and back as trees. */
public final class JsonValues {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonValues() {
    }

    public static SegmentEvent event(String json) {
        return new SegmentEvent(object(json));
    }

    public static Map<String, Object> object(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException notJson) {
            throw new UncheckedIOException("not a JSON object: " + json, notJson);
        }
    }

    public static Object value(String json) {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException notJson) {
            throw new UncheckedIOException("not JSON: " + json, notJson);
        }
    }

    /** A Java value as the JSON tree it serializes to, comparable with {@link Json#tree(String)}. */
    public static JsonNode tree(Object value) {
        try {
            return MAPPER.readTree(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException notSerializable) {
            throw new UncheckedIOException("cannot write as JSON: " + value, notSerializable);
        }
    }
}
