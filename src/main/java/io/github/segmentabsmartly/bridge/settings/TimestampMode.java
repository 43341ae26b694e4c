package io.github.segmentabsmartly.bridge.settings;

import java.util.Locale;

/** ABSMARTLY_TIMESTAMPS: which clock the Collector request carries. */
public enum TimestampMode {
    /** Segment's Actions destination: the event's own time, sent as historic data. */
    EVENT,
    /** ABsmartly's classic function: the client's sentAt and originalTimestamp. */
    CLIENT;

    static TimestampMode parse(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
            case "event", "" -> EVENT;
            case "client" -> CLIENT;
            default -> throw new InvalidSettingException(
                    "ABSMARTLY_TIMESTAMPS must be 'event' or 'client', not '" + text + "'");
        };
    }
}
