package io.github.segmentabsmartly.bridge.replay;

import io.github.segmentabsmartly.bridge.settings.SourceOverrides;
import java.util.Map;
import org.apache.camel.spi.IdempotentRepository;

/**
 * A replayed event with the source overrides its dead-letter line recorded (null: the defaults).
 *
 * @param refused whether the Collector refused it for good (a dead letter), rather than a copy kept while it
 *                was to be sent again: a refused event's messageId is held as seen, and replay is the one
 *                time it must be forgotten
 */
public record ReplayedEvent(Map<String, Object> event, SourceOverrides source, boolean refused) {

    /**
     * The event of a dead-letter, outbox or queue line ({@code {"time":..., "source":{...}, "event":{...}}}), or
     * null when the line has none. An event with no time of its own keeps the line's: when the bridge first
     * received it.
     */
    @SuppressWarnings("unchecked")
    public static ReplayedEvent fromLine(Object line) {
        if (line instanceof Map<?, ?> map && map.get("event") instanceof Map<?, ?> event) {
            Map<String, Object> fields = (Map<String, Object>) event;
            if (map.get("time") != null) {
                fields.putIfAbsent("receivedAt", map.get("time"));
            }
            return new ReplayedEvent(fields, sourceOf(map.get("source")), "dead-lettered".equals(map.get("outcome")));
        }
        return null;
    }

    /** Forgets the messageId of a refused event, so that its replay is delivered rather than a duplicate. */
    public void forgetIfRefused(IdempotentRepository dedup) {
        if (refused && event.get("messageId") instanceof String messageId) {
            dedup.remove(messageId);
        }
    }

    private static SourceOverrides sourceOf(Object source) {
        if (source instanceof Map<?, ?> map) {
            return new SourceOverrides(textOrNull(map.get("environment")), textOrNull(map.get("application")));
        }
        return null;
    }

    private static String textOrNull(Object value) {
        return value instanceof String text ? text : null;
    }
}
