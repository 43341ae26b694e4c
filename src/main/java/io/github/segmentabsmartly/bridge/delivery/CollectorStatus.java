package io.github.segmentabsmartly.bridge.delivery;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** What the Collector's HTTP answers mean for an event. */
final class CollectorStatus {

    private CollectorStatus() {
    }

    /** Statuses worth trying again in a moment: 408, 423, 429 and 5xx but 501. */
    static boolean isTransient(int status) {
        return status == 408 || status == 423 || status == 429 || (status >= 500 && status != 501);
    }

    /** 401 and 403 say our API key or environment is wrong: no fault of the event. */
    static boolean isCredentialsProblem(int status) {
        return status == 401 || status == 403;
    }

    /** The Retry-After header (seconds or an HTTP date), or null when there is none or it cannot be read. */
    static Duration retryAfter(Map<String, String> headers, long nowMillis) {
        String value = null;
        if (headers != null) {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase("Retry-After")) {
                    value = header.getValue();
                }
            }
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return Duration.ofMillis(Math.max(0, at.toInstant().toEpochMilli() - nowMillis));
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
