package io.github.segmentabsmartly.bridge.event;

import java.util.Map;

/** One Segment event as parsed JSON, with the dotted-path reads the mappings need. */
public record SegmentEvent(Map<String, Object> fields) {

    /** The value at a top-level field or dotted path such as {@code context.traits.email}; null when absent. */
    public Object at(String dottedPath) {
        Object current = fields;
        int start = 0;
        while (current instanceof Map<?, ?> map) {
            int dot = dottedPath.indexOf('.', start);
            String name = dot < 0 ? dottedPath.substring(start) : dottedPath.substring(start, dot);
            current = map.get(name);
            if (dot < 0) {
                return current;
            }
            start = dot + 1;
        }
        return null;
    }

    public String type() {
        return (String) fields.get("type");
    }

    /** A field that, when present, must be a string; a present value of another type rejects the event. */
    public String optionalString(String dottedPath) {
        Object value = at(dottedPath);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new EventRejectedException(RejectionCode.BAD_FIELD, dottedPath + " must be a string");
    }

    public String messageId() {
        Object id = fields.get("messageId");
        return id instanceof String text ? text : null;
    }

    /** The event's {@code properties}, null when it has none; rejects properties that are not an object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> properties() {
        Object properties = fields.get("properties");
        if (properties == null || properties instanceof Map) {
            return (Map<String, Object>) properties;
        }
        throw new EventRejectedException(RejectionCode.BAD_PROPERTIES, "properties must be an object");
    }
}
