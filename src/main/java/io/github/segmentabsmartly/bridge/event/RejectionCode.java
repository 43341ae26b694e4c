package io.github.segmentabsmartly.bridge.event;

import java.util.Locale;

/** Why an event was rejected, as the short fixed code that metrics carry (never the reason text). */
public enum RejectionCode {
    NOT_AN_OBJECT, NO_TYPE, NO_EVENT_NAME, NO_NAME, NO_UNIT, BAD_UNITS, UID_TOO_LONG, BAD_PROPERTIES,
    BAD_TIMESTAMP, BAD_EXPOSURE, BAD_FIELD, TOO_LARGE, UNREADABLE_LINE, MALFORMED_JSON;

    /** The code as a metric tag: {@code no_unit}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
