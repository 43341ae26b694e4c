package io.github.segmentabsmartly.bridge.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.event.EventRejectedException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class EventCheckTest {

    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();

    @Test
    void setsWhatTheRoutesChooseOn() {
        Exchange exchange = checked(Map.of("type", " Track ", "event", "Experiment Viewed", "messageId", "m-1",
                "writeKey", "secret"));

        assertEquals("track", exchange.getProperty(BridgeExchange.EVENT_TYPE));
        assertEquals("Experiment Viewed", exchange.getProperty(BridgeExchange.EVENT_NAME));
        assertEquals("m-1", exchange.getProperty(BridgeExchange.MESSAGE_ID));
        assertFalse(exchange.getIn().getBody(Map.class).containsKey("writeKey"));
    }

    @Test
    void aNameOrMessageIdThatIsNotAStringIsNotSet() {
        Exchange exchange = checked(Map.of("type", "track", "event", List.of("Experiment Viewed"), "messageId", 7));

        assertNull(exchange.getProperty(BridgeExchange.EVENT_NAME));
        assertNull(exchange.getProperty(BridgeExchange.MESSAGE_ID));
    }

    @Test
    void anEventWithoutATypeIsRejected() {
        assertThrows(EventRejectedException.class, () -> checked(Map.of("event", "Order Completed")));
    }

    private static Exchange checked(Map<String, Object> event) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getIn().setBody(new HashMap<>(event));
        new EventCheck().process(exchange);
        return exchange;
    }
}
