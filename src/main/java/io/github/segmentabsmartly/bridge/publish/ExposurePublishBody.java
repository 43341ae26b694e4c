package io.github.segmentabsmartly.bridge.publish;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.event.EventRejectedException;
import io.github.segmentabsmartly.bridge.event.RejectionCode;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import io.github.segmentabsmartly.bridge.settings.TimestampMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The Collector publish body for an {@code Experiment Viewed} event, or a group carrying an exposure: the SDK's own
 * publish body, carried in {@code properties.exposure} (Actions) or {@code properties.absmartly} (classic), or in a
 * group's {@code traits.exposure} or {@code traits.absmartly}. In event mode its times are
 * moved so that {@code publishedAt} is the Segment event's time, keeping every gap between them.
 */
public class ExposurePublishBody implements Processor {

    /** 2010-01-01 and 2050-01-01: an SDK time outside them is not a time. */
    static final long EARLIEST = 1262304000000L;
    static final long LATEST = 2524608000000L;

    private final TimestampMode timestampMode;

    public ExposurePublishBody(TimestampMode timestampMode) {
        this.timestampMode = timestampMode;
    }

    @Override
    public void process(Exchange exchange) {
        SegmentEvent event = exchange.getProperty(BridgeExchange.EVENT, SegmentEvent.class);
        long receivedAt = exchange.getProperty(BridgeExchange.RECEIVED_AT, Long.class);
        exchange.getMessage().setBody(build(event, receivedAt));
    }

    Map<String, Object> build(SegmentEvent event, long receivedAt) {
        Map<String, Object> payload = payloadOf(event);
        long publishedAt = validPublishedAt(payload.get("publishedAt"));
        requireNonEmptyArray(payload, "units");
        List<?> exposures = requireNonEmptyArray(payload, "exposures");
        for (int i = 0; i < exposures.size(); i++) {
            Object exposedAt = exposures.get(i) instanceof Map<?, ?> exposure ? exposure.get("exposedAt") : null;
            if (!inRange(exposedAt)) {
                throw invalidPayload("exposures[" + i + "].exposedAt must be epoch ms");
            }
        }
        Object goals = payload.get("goals");
        if (goals != null && !(goals instanceof List<?> list && list.isEmpty())) {
            throw invalidPayload("goals must be absent or empty");
        }
        Object attributes = payload.get("attributes");
        if (attributes != null && !(attributes instanceof List)) {
            throw invalidPayload("attributes must be an array");
        }
        if (timestampMode == TimestampMode.CLIENT) {
            return payload;
        }
        long ts = EventTime.of(event, receivedAt);
        return shifted(payload, ts - publishedAt, ts);
    }

    /**
     * The SDK's publish body: {@code properties.exposure}, else {@code properties.absmartly}, of an Experiment Viewed
     * track; {@code traits.exposure}, else {@code traits.absmartly}, of a group (the classic function's group path).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> payloadOf(SegmentEvent event) {
        boolean group = "group".equals(event.type());
        String carrier = group ? "traits" : "properties";
        Object container = group ? event.at("traits") : event.properties();
        Object payload = container instanceof Map<?, ?> fields
                ? (fields.get("exposure") != null ? fields.get("exposure") : fields.get("absmartly")) : null;
        if (!(payload instanceof Map)) {
            throw new EventRejectedException(RejectionCode.BAD_EXPOSURE, "an exposure needs the SDK's publish body in "
                    + carrier + ".exposure or " + carrier + ".absmartly");
        }
        return (Map<String, Object>) payload;
    }

    private static long validPublishedAt(Object value) {
        Long millis = value instanceof Number ? (inRange(value) ? EventTime.toMillis(value) : null)
                : EventTime.toMillis(value);
        if (millis == null) {
            throw invalidPayload("publishedAt must be epoch ms or a date");
        }
        return millis;
    }

    private static List<?> requireNonEmptyArray(Map<String, Object> payload, String key) {
        if (payload.get(key) instanceof List<?> list && !list.isEmpty()) {
            return list;
        }
        throw invalidPayload(key + " must be a non-empty array");
    }

    private static EventRejectedException invalidPayload(String problem) {
        return new EventRejectedException(RejectionCode.BAD_EXPOSURE, "exposure payload: " + problem);
    }

    private static boolean inRange(Object value) {
        return value instanceof Number number && number.doubleValue() >= EARLIEST && number.doubleValue() <= LATEST;
    }

    private static Map<String, Object> shifted(Map<String, Object> payload, long offset, long ts) {
        Map<String, Object> body = new LinkedHashMap<>(payload);
        body.put("publishedAt", ts);
        body.put("exposures", shiftEach((List<?>) payload.get("exposures"), "exposedAt", offset));
        if (payload.get("attributes") instanceof List<?> attributes) {
            body.put("attributes", shiftEach(attributes, "setAt", offset));
        }
        body.put("historic", true);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> shiftEach(List<?> items, String timeKey, long offset) {
        List<Object> result = new ArrayList<>(items.size());
        for (Object item : items) {
            if (item instanceof Map<?, ?> map && map.get(timeKey) instanceof Number time) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
                copy.put(timeKey, time.longValue() + offset);
                result.add(copy);
            } else {
                result.add(item);
            }
        }
        return result;
    }
}
