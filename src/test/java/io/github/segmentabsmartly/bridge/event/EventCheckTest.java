package io.github.segmentabsmartly.bridge.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.BridgeJson;
import io.github.segmentabsmartly.bridge.settings.Source;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventCheckTest {

    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();
    private static final ObjectMapper MAPPER = BridgeJson.mapper();

    @Test
    void theEventIsTheBodyWithItsTypeLowerCasedAndWithoutItsWriteKey() {
        Exchange exchange = checked(Map.of("type", " Track ", "event", "E", "writeKey", "secret"), null);

        Map<?, ?> event = exchange.getIn().getBody(Map.class);
        assertEquals("track", event.get("type"));
        assertFalse(event.containsKey("writeKey"));
        assertEquals(event, exchange.getProperty(BridgeExchange.EVENT, SegmentEvent.class).fields());
    }

    @Test
    void theDedupKeyIsTheSourceAndTheMessageId() {
        Exchange fromWriteKey = checked(Map.of("type", "track", "messageId", "m-1"), new Source("write-key:1", null, null));
        Exchange fromSink = checked(Map.of("type", "track", "messageId", "m-1"), null);
        Exchange notAString = checked(Map.of("type", "track", "messageId", 7), null);

        assertEquals("write-key:1:m-1", fromWriteKey.getProperty(BridgeExchange.DEDUP_KEY));
        assertEquals("sink:m-1", fromSink.getProperty(BridgeExchange.DEDUP_KEY));
        assertNull(notAString.getProperty(BridgeExchange.DEDUP_KEY));
    }

    @ParameterizedTest(name = "{0} with {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"type":"track"}                                   | {"sentAt":"S"}                           | {"type":"track","sentAt":"S"}
            {"type":"track","sentAt":"own"}                    | {"sentAt":"S"}                           | {"type":"track","sentAt":"own"}
            {"type":"track","context":{"ip":"1"}}              | {"context":{"ip":"2","locale":"nl"}}     | {"type":"track","context":{"ip":"1","locale":"nl"}}
            {"type":"track"}                                   | {"integrations":{"All":false}}           | {"type":"track","integrations":{"All":false}}
            {"type":"track","integrations":{"AB Smartly":true}} | {"integrations":{"All":false}}          | {"type":"track","integrations":{"All":false,"AB Smartly":true}}
            {"event":"E"}                                      | {"type":"page"}                          | {"event":"E","type":"page"}
            """)
    void anEventOfABatchGetsWhatTheBatchGivesWhereItLacksIt(String event, String fromBatch, String expected)
            throws Exception {
        byte[] json = ("[" + event + "]").getBytes(StandardCharsets.UTF_8);
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getIn().setBody(new EventText(json, 1, json.length - 2, MAPPER.readValue(fromBatch, Map.class)));

        new EventCheck(MAPPER).process(exchange);

        assertEquals(MAPPER.readValue(expected, Map.class), exchange.getIn().getBody(Map.class));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"event":"E"}            | NO_TYPE
            {"type":"  "}            | NO_TYPE
            {"type":5}               | NO_TYPE
            [1]                      | NOT_AN_OBJECT
            "track"                  | NOT_AN_OBJECT
            {"type":"track"          | MALFORMED_JSON
            """)
    void anEventThatIsNotAnObjectWithATypeIsRejected(String json, RejectionCode code) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getIn().setBody(new EventText(bytes, 0, bytes.length, Map.of()));

        EventRejectedException rejected = assertThrows(EventRejectedException.class,
                () -> new EventCheck(MAPPER).process(exchange));
        assertEquals(code, rejected.code());
    }

    @Test
    void anElementTheReaderKeptAsideIsRejectedWithItsReason() {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getIn().setBody(new UnreadableEvent(RejectionCode.TOO_LARGE, "too large"));

        EventRejectedException rejected = assertThrows(EventRejectedException.class,
                () -> new EventCheck(MAPPER).process(exchange));
        assertEquals(List.of(RejectionCode.TOO_LARGE, "too large"), List.of(rejected.code(), rejected.getMessage()));
    }

    private static Exchange checked(Map<String, Object> event, Source source) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getIn().setBody(new LinkedHashMap<>(event));
        if (source != null) {
            exchange.setProperty(BridgeExchange.SOURCE, source);
        }
        new EventCheck(MAPPER).process(exchange);
        return exchange;
    }
}
