package io.github.segmentabsmartly.bridge.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IsoInstantTest {

    /** What java.time makes of it (the rule IsoInstant must never contradict), or null when it refuses it. */
    static Long reference(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
        } catch (DateTimeParseException refused) {
            return null;
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2023-01-01T00:00:00.000Z         | 1672531200000
            2023-01-01T00:00:00Z             | 1672531200000
            2023-01-01T02:00:00.000+02:00    | 1672531200000
            2022-12-31T19:00:00-05:00        | 1672531200000
            2023-01-01T00:00:00.1Z           | 1672531200100
            2023-01-01T00:00:00.12Z          | 1672531200120
            2023-01-01T00:00:00.999999999Z   | 1672531200999
            2024-02-29T23:59:59.999+00:00    | 1709251199999
            1969-12-31T23:59:59.999Z         | -1
            2023-06-15T12:30:00+05:45        | 1686811500000
            """)
    void readsSegmentsShape(String text, long millis) {
        assertEquals(millis, IsoInstant.parse(text));
        assertEquals(reference(text), IsoInstant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-01-01T00:00:00", "2023-01-01T00:00:00.123", "2023-01-01 00:00:00Z",
        "2023-02-30T00:00:00Z", "2023-13-01T00:00:00Z", "2023-01-01T24:00:00Z", "2023-01-01T00:60:00Z",
        "2023-01-01T00:00:60Z", "2023-01-01T00:00:00.Z", "2023-01-01T00:00:00.1234567890Z", "2023-01-01T00:00:00z",
        "2023-01-01T00:00:00+18:00", "2023-01-01T00:00:00+0200", "2023-01-01T00:00:00+02:00:00", "+2023-01-01T00:00Z",
        "2023-1-01T00:00:00Z", "yesterday", "2023-01-01T00:00:00Zulu", "２０２３-01-01T00:00:00Z"})
    void leavesAnythingElseToJavaTime(String text) {
        assertNull(IsoInstant.parse(text));
    }

    @Test
    void neverDisagreesWithJavaTime() {
        Random random = new Random(20261130);
        String alphabet = "0123456789-T:.Z+";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d",
                    random.nextInt(3000), random.nextInt(14), random.nextInt(33), random.nextInt(26),
                    random.nextInt(62), random.nextInt(62)));
            if (random.nextBoolean()) {
                text.append('.').append(String.format("%09d", random.nextInt(1_000_000_000)), 0, 1 + random.nextInt(9));
            }
            text.append(switch (random.nextInt(4)) {
                case 0 -> "Z";
                case 1 -> String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-", random.nextInt(20),
                        random.nextInt(61));
                case 2 -> "";
                default -> String.valueOf(alphabet.charAt(random.nextInt(alphabet.length())));
            });
            if (random.nextInt(10) == 0) {
                text.setCharAt(random.nextInt(text.length()), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = text.toString();
            Long fast = IsoInstant.parse(candidate);
            if (fast != null) {
                assertEquals(reference(candidate), fast, candidate);
            }
        }
    }
}
