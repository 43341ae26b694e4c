package io.github.segmentabsmartly.bridge.publish;

import static io.github.segmentabsmartly.bridge.support.JsonValues.event;
import static io.github.segmentabsmartly.bridge.support.JsonValues.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.segmentabsmartly.bridge.event.EventRejectedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventTimeTest {

    static final long BRIDGE_TIME = 1700000000000L;

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "2023-01-01T00:00:00.000Z"            | 1672531200000
            "2023-01-01T00:00:00Z"                | 1672531200000
            "2023-01-01T02:00:00.000+02:00"       | 1672531200000
            "2022-12-31T19:00:00-05:00"           | 1672531200000
            "2023-01-01T00:00:00.123456Z"         | 1672531200123
            "2023-01-01T00:00:00.999999999Z"      | 1672531200999
            "2023-01-01T00:00:00.123"             | 1672531200123
            "2023-01-01T00:00:00"                 | 1672531200000
            1672531200000                         | 1672531200000
            1672531200123.9                       | 1672531200123
            0                                     | 0
            8640000000000000                      | 8640000000000000
            "+275760-09-13T00:00:00Z"             | 8640000000000000
            """)
    void datesAndNumbersAreEpochMilliseconds(String json, long millis) {
        assertEquals(millis, EventTime.toMillis(value(json)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"timestamp":"2023-01-01T00:00:00.000Z","receivedAt":"2024-01-01T00:00:00.000Z"} | 1672531200000
            {"timestamp":1672531200000,"receivedAt":1704067200000}                           | 1672531200000
            {"receivedAt":"2023-01-01T00:00:00.000Z"}                                        | 1672531200000
            {"timestamp":null,"receivedAt":1672531200000}                                    | 1672531200000
            {"originalTimestamp":"2023-01-01T00:00:00Z","sentAt":"2023-01-01T00:00:00Z"}     | 1700000000000
            {}                                                                               | 1700000000000
            """)
    void timeIsTimestampElseReceivedAtElseBridgeTime(String event, long millis) {
        assertEquals(millis, EventTime.of(event(event), BRIDGE_TIME));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"timestamp":"yesterday"}
            {"timestamp":""}
            {"timestamp":"2023-13-01T00:00:00Z"}
            {"timestamp":true}
            {"timestamp":{}}
            {"timestamp":"yesterday","receivedAt":"2023-01-01T00:00:00.000Z"}
            {"receivedAt":"yesterday"}
            {"timestamp":"+999999999-12-31T23:59:59Z"}
            {"timestamp":"-999999999-01-01T00:00:00Z"}
            {"timestamp":"+275761-01-01T00:00:00Z"}
            {"timestamp":"1969-12-31T23:59:59.999Z"}
            {"timestamp":-1}
            {"timestamp":8640000000000001}
            {"timestamp":1e300}
            {"timestamp":-1e300}
            {"timestamp":1e400}
            """)
    void timesThatCannotBeACollectorTimeAreRejected(String event) {
        assertThrows(EventRejectedException.class, () -> EventTime.of(event(event), BRIDGE_TIME));
    }
}
