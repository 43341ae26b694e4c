package io.github.segmentabsmartly.bridge.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampModeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            event       | EVENT
            EVENT       | EVENT
            ' Event '   | EVENT
            ''          | EVENT
            NULL        | EVENT
            client      | CLIENT
            CLIENT      | CLIENT
            ' Client '  | CLIENT
            """)
    void parse(String text, TimestampMode mode) {
        assertEquals(mode, TimestampMode.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"server", "events", "clients", "actions", "classic"})
    void otherValuesNameTheSetting(String text) {
        InvalidSettingException invalid = assertThrows(InvalidSettingException.class, () -> TimestampMode.parse(text));

        assertTrue(invalid.getMessage().contains("ABSMARTLY_TIMESTAMPS"), invalid.getMessage());
    }

    @Test
    void parseDoesNotDependOnTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            assertEquals(TimestampMode.CLIENT, TimestampMode.parse("CLIENT"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
