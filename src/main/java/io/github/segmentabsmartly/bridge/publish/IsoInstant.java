package io.github.segmentabsmartly.bridge.publish;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Epoch milliseconds of an ISO-8601 date-time in the one shape Segment's libraries write,
 * {@code 2023-01-01T00:00:00.000Z} (any number of fraction digits, {@code Z} or an offset {@code +02:00}), read
 * by hand: java.time's formatters take microseconds for each, and every event has a timestamp. Anything else,
 * valid or not, is null, left to the formatters (EventTime), which then decide as they always did.
 */
final class IsoInstant {

    private static final int DATE_TIME_LENGTH = "2023-01-01T00:00:00".length();
    private static final long MILLIS_A_DAY = 86_400_000L;

    private IsoInstant() {
    }

    static Long parse(String text) {
        if (text.length() < DATE_TIME_LENGTH + 1 || !punctuated(text)) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int at = DATE_TIME_LENGTH;
        int millis = 0;
        if (text.charAt(at) == '.') {
            int fractionEnd = at + 1;
            while (fractionEnd < text.length() && isDigit(text.charAt(fractionEnd))) {
                fractionEnd++;
            }
            int fractionDigits = fractionEnd - at - 1;
            if (fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            millis = digits(text, at + 1, Math.min(3, fractionDigits));
            for (int shorter = fractionDigits; shorter < 3; shorter++) {
                millis *= 10;
            }
            at = fractionEnd;
        }
        Integer offsetSeconds = offsetSeconds(text, at);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59 || millis < 0 || offsetSeconds == null) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException noSuchDate) {
            return null;
        }
        return epochDay * MILLIS_A_DAY + ((hour * 60L + minute) * 60 + second - offsetSeconds) * 1000 + millis;
    }

    private static boolean punctuated(String text) {
        return text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T' && text.charAt(13) == ':'
                && text.charAt(16) == ':';
    }

    /** {@code Z} or {@code ±hh:mm} ending the text at {@code at}; null for anything else. */
    private static Integer offsetSeconds(String text, int at) {
        int left = text.length() - at;
        if (left == 1 && text.charAt(at) == 'Z') {
            return 0;
        }
        if (left != 6 || text.charAt(at + 3) != ':') {
            return null;
        }
        char sign = text.charAt(at);
        int hours = digits(text, at + 1, 2);
        int minutes = digits(text, at + 4, 2);
        if ((sign != '+' && sign != '-') || hours < 0 || hours > 17 || minutes < 0 || minutes > 59) {
            return null;
        }
        int seconds = hours * 3600 + minutes * 60;
        return sign == '+' ? seconds : -seconds;
    }

    /** The number written by {@code count} digits from {@code from}, or -1 when one of them is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
