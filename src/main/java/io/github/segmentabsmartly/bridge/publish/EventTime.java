package io.github.segmentabsmartly.bridge.publish;

import io.github.segmentabsmartly.bridge.event.EventRejectedException;
import io.github.segmentabsmartly.bridge.event.RejectionCode;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The instants of an event in epoch milliseconds, read from Segment's timestamp fields. */
public final class EventTime {

    private EventTime() {
    }

    /** The event's time: {@code timestamp}, else {@code receivedAt}, else when the bridge received it. */
    public static long of(SegmentEvent event, long receivedByBridge) {
        Long timestamp = field(event, "timestamp");
        if (timestamp != null) {
            return timestamp;
        }
        Long receivedAt = field(event, "receivedAt");
        return receivedAt != null ? receivedAt : receivedByBridge;
    }

    /** A timestamp field as epoch ms, null when absent; rejects a value that is neither a date nor a number. */
    public static Long field(SegmentEvent event, String name) {
        Object value = event.at(name);
        if (value == null) {
            return null;
        }
        Long millis = toMillis(value);
        if (millis == null) {
            throw new EventRejectedException(RejectionCode.BAD_TIMESTAMP,
                    name + " must be an ISO-8601 date or epoch milliseconds");
        }
        return millis;
    }

    /**
     * A number as epoch ms, or an ISO-8601 string (offset honoured, none meaning UTC, sub-millisecond digits
     * truncated); null when the value is neither.
     */
    public static Long toMillis(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (!(value instanceof String text)) {
            return null;
        }
        Long common = IsoInstant.parse(text);
        if (common != null) {
            return common;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
        } catch (DateTimeParseException noOffset) {
            try {
                return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
