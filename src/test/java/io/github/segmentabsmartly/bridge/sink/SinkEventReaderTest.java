package io.github.segmentabsmartly.bridge.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.BridgeJson;
import io.github.segmentabsmartly.bridge.event.EventCheck;
import io.github.segmentabsmartly.bridge.event.EventRejectedException;
import io.github.segmentabsmartly.bridge.event.RejectionCode;
import io.github.segmentabsmartly.bridge.event.UnreadableEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class SinkEventReaderTest {

    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();
    private static final String EVENT = "{\"type\":\"track\",\"event\":\"A\",\"userId\":\"u\"}";
    private static final Map<String, Object> FIELDS = Map.of("type", "track", "event", "A", "userId", "u");

    @Test
    void jsonAsTextBytesStreamOrTreeIsReadIntoItsFields() throws Exception {
        assertEquals(FIELDS, read(EVENT));
        assertEquals(FIELDS, read(EVENT.getBytes(StandardCharsets.UTF_8)));
        assertEquals(FIELDS, read(new ByteArrayInputStream(EVENT.getBytes(StandardCharsets.UTF_8))));
        assertEquals(FIELDS, read(BridgeJson.mapper().readTree(EVENT)));
    }

    @Test
    void aMapIsCopiedSoThatCheckingTheEventLeavesTheCallersMapAlone() {
        Object event = read(FIELDS);

        assertEquals(FIELDS, event);
        assertNotSame(FIELDS, event);
    }

    @Test
    void whatCannotBeReadIsKeptToBeRejectedWithItsReason() {
        assertUnreadable(RejectionCode.NOT_AN_OBJECT, "the body is empty", "");
        assertUnreadable(RejectionCode.MALFORMED_JSON, "malformed JSON", "{\"type\":");
        assertUnreadable(RejectionCode.TOO_LARGE, "the event is 61 bytes, over the limit of 50 bytes",
                "{\"type\":\"track\",\"event\":\"" + "x".repeat(34) + "\"}");
    }

    private static void assertUnreadable(RejectionCode code, String reasonStart, String body) {
        UnreadableEvent unreadable = assertInstanceOf(UnreadableEvent.class, read(body));
        assertEquals(code, unreadable.code());
        assertTrue(unreadable.reason().startsWith(reasonStart), unreadable.reason());
    }

    /**
     * The event as its route reads it (EventCheck, which parses JSON text when the event's turn comes), or what it is
     * rejected for.
     */
    private static Object read(Object body) {
        Exchange exchange = exchangeWith(body);
        new SinkEventReader(BridgeJson.mapper(), 50).process(exchange);
        Exchange event = exchangeWith(exchange.getIn().getBody(List.class).get(0));
        try {
            new EventCheck(BridgeJson.mapper()).process(event);
        } catch (EventRejectedException rejected) {
            return new UnreadableEvent(rejected.code(), rejected.getMessage());
        }
        return event.getIn().getBody();
    }

    private static Exchange exchangeWith(Object body) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getIn().setBody(body);
        return exchange;
    }
}
