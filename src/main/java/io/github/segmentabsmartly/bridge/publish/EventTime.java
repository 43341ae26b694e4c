package io.github.segmentabsmartly.bridge.publish;

import io.github.segmentabsmartly.bridge.event.EventRejectedException;
import io.github.segmentabsmartly.bridge.event.RejectionCode;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/** The instants of an event in epoch milliseconds, read from Segment's timestamp fields. */
public final class EventTime {

    /** 8.64e15 ms after 1970: the last instant a JavaScript Date, and so a Collector, holds. */
    static final long LATEST = 8_640_000_000_000_000L;

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
                    name + " must be an ISO-8601 date or epoch milliseconds, from 1970 to the year 275760");
        }
        return millis;
    }

    /**
     * A number as epoch ms, or an ISO-8601 string (offset honoured, none meaning UTC, sub-millisecond digits
     * truncated); null when the value is neither, or is no time a Collector can take: before 1970 or past the last
     * time a JavaScript Date holds (year 275760), however it is written.
     */
    public static Long toMillis(Object value) {
        Long millis = value instanceof Number number ? asMillis(number) : parse(value);
        return millis != null && millis >= 0 && millis <= LATEST ? millis : null;
    }

    private static Long asMillis(Number number) {
        double value = number.doubleValue();
        return Double.isFinite(value) && Math.abs(value) <= LATEST ? number.longValue() : null;
    }

    private static Long parse(Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        Long common = IsoInstant.parse(text);
        if (common != null) {
            return common;
        }
        Long withOffset = millisOf(() -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        return withOffset != null ? withOffset
                : millisOf(() -> LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC));
    }

    /** The instant in epoch ms, sub-millisecond digits truncated; null when it is not a date or past a long's ms. */
    private static Long millisOf(Supplier<Instant> parsed) {
        try {
            return parsed.get().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
        } catch (DateTimeException | ArithmeticException notATimeInMillis) {
            return null;
        }
    }
}
