package io.github.segmentabsmartly.bridge.publish;

import static io.github.segmentabsmartly.bridge.support.JsonValues.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.event.EventRejectedException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Segment's Tracking API correction of the device's clock: timestamp = receivedAt − (sentAt − timestamp). */
class DeviceClockCorrectionTest {

    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** 2023-01-01T00:00:00.200Z, when the bridge received the event. */
    private static final long RECEIVED_AT = 1672531200200L;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a day ahead                     | {"timestamp":"2023-01-02T00:00:00.000Z","sentAt":"2023-01-02T00:00:00.100Z"} | {"timestamp":"2023-01-01T00:00:00.100Z","sentAt":"2023-01-02T00:00:00.100Z","originalTimestamp":"2023-01-02T00:00:00.000Z"}
            an hour behind, epoch ms        | {"timestamp":1672527600000,"sentAt":1672527600050}                           | {"timestamp":"2023-01-01T00:00:00.150Z","sentAt":1672527600050,"originalTimestamp":1672527600000}
            right on time                   | {"timestamp":"2023-01-01T00:00:00.000Z","sentAt":"2023-01-01T00:00:00.200Z"} | {"timestamp":"2023-01-01T00:00:00Z","sentAt":"2023-01-01T00:00:00.200Z","originalTimestamp":"2023-01-01T00:00:00.000Z"}
            originalTimestamp of its own    | {"timestamp":"2023-01-02T00:00:00Z","sentAt":"2023-01-02T00:00:00Z","originalTimestamp":"x"} | {"timestamp":"2023-01-01T00:00:00.200Z","sentAt":"2023-01-02T00:00:00Z","originalTimestamp":"x"}
            no sentAt                       | {"timestamp":"2023-01-02T00:00:00.000Z"}                                      | {"timestamp":"2023-01-02T00:00:00.000Z"}
            no timestamp                    | {"sentAt":"2023-01-02T00:00:00.000Z"}                                         | {"sentAt":"2023-01-02T00:00:00.000Z"}
            a timestamp that is no date     | {"timestamp":"yesterday","sentAt":"2023-01-02T00:00:00.000Z"}                 | {"timestamp":"yesterday","sentAt":"2023-01-02T00:00:00.000Z"}
            """)
    void theDevicesClockIsCorrectedBySentAt(String what, String event, String corrected) throws Exception {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.setProperty(BridgeExchange.RECEIVED_AT, RECEIVED_AT);
        exchange.getIn().setBody(event(event).fields());

        new DeviceClockCorrection().process(exchange);

        assertEquals(MAPPER.readValue(corrected, Map.class), exchange.getIn().getBody(Map.class));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"timestamp":0,"sentAt":8640000000000000}
            {"timestamp":8640000000000000,"sentAt":0}
            """)
    void aCorrectionPastTheTimesACollectorTakesRejectsTheEvent(String event) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.setProperty(BridgeExchange.RECEIVED_AT, RECEIVED_AT);
        exchange.getIn().setBody(event(event).fields());

        assertThrows(EventRejectedException.class, () -> new DeviceClockCorrection().process(exchange));
    }
}
