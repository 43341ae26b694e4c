package io.github.segmentabsmartly.bridge.replay;

import io.github.segmentabsmartly.bridge.settings.Source;
import java.util.Map;
import org.apache.camel.spi.IdempotentRepository;

/**
 * An event read back from a line the bridge wrote (a dead letter, an outbox line, a kafka-mode record), with the
 * source it came from.
 *
 * @param refused whether the Collector refused it for good (a dead letter), rather than a copy kept while it was to be
 *                sent again: a refused event's dedup key is held as seen, and replay is the one time it must be
 *                forgotten
 */
public record ReplayedEvent(Map<String, Object> event, Source source, boolean refused) {

    /** The source of a line written before sources had ids: its events are deduplicated among themselves. */
    static final String UNKNOWN_SOURCE = "replay";

    /**
     * The event of a line ({@code {"time":..., "source":{...}, "event":{...}}}), or null when the line has none. An
     * event with no time of its own keeps the line's: when the bridge first received it.
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

    /** Forgets the dedup key of a refused event, so that its replay is delivered rather than a duplicate. */
    public void forgetIfRefused(IdempotentRepository dedup) {
        if (refused && event.get("messageId") instanceof String messageId) {
            dedup.remove(source.id() + ":" + messageId);
        }
    }

    private static Source sourceOf(Object source) {
        if (source instanceof Map<?, ?> map) {
            return new Source(map.get("id") instanceof String id ? id : UNKNOWN_SOURCE,
                    textOrNull(map.get("environment")), textOrNull(map.get("application")));
        }
        return new Source(UNKNOWN_SOURCE, null, null);
    }

    private static String textOrNull(Object value) {
        return value instanceof String text ? text : null;
    }
}
