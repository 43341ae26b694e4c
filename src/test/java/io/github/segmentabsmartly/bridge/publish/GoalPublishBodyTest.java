package io.github.segmentabsmartly.bridge.publish;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static io.github.segmentabsmartly.bridge.support.JsonValues.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.segmentabsmartly.bridge.event.EventRejectedException;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import io.github.segmentabsmartly.bridge.settings.TimestampMode;
import io.github.segmentabsmartly.bridge.settings.UnitMapping;
import io.github.segmentabsmartly.bridge.support.JsonValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoalPublishBodyTest {

    static final long BRIDGE_TIME = 1700000000000L;
    static final UnitMapping DEFAULT_MAPPING = UnitMapping.parse("anonymousId=anonymousId,userId=userId");

    static Object build(TimestampMode mode, String event) {
        return new GoalPublishBody(DEFAULT_MAPPING, mode).build(event(event), "Order Completed", BRIDGE_TIME);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"userId":"123","anonymousId":"anon-123","properties":{"url":"https://example.com"},"timestamp":"2023-01-01T00:00:00.000Z"} \
              | {"historic":true,"publishedAt":1672531200000,"units":[{"type":"anonymousId","uid":"anon-123"},{"type":"userId","uid":"123"}],"goals":[{"name":"Order Completed","achievedAt":1672531200000,"properties":{"url":"https://example.com"}}]}
            {"userId":"u","timestamp":"2023-01-01T00:00:00.000Z"} \
              | {"historic":true,"publishedAt":1672531200000,"units":[{"type":"userId","uid":"u"}],"goals":[{"name":"Order Completed","achievedAt":1672531200000,"properties":null}]}
            {"userId":"u","properties":{},"receivedAt":"2023-01-01T00:00:00.000Z"} \
              | {"historic":true,"publishedAt":1672531200000,"units":[{"type":"userId","uid":"u"}],"goals":[{"name":"Order Completed","achievedAt":1672531200000,"properties":{}}]}
            {"userId":"u","sentAt":"2023-01-01T00:00:05Z","originalTimestamp":"2023-01-01T00:00:01Z"} \
              | {"historic":true,"publishedAt":1700000000000,"units":[{"type":"userId","uid":"u"}],"goals":[{"name":"Order Completed","achievedAt":1700000000000,"properties":null}]}
            {"userId":"u","properties":{"fee":1000,"absmartly":{"units":[{"type":"userId","uid":"4312"}]}},"timestamp":1672531200000} \
              | {"historic":true,"publishedAt":1672531200000,"units":[{"type":"userId","uid":"4312"}],"goals":[{"name":"Order Completed","achievedAt":1672531200000,"properties":{"fee":1000}}]}
            {"userId":"u","properties":{"fee":1000,"absmartly":{"plan":"pro"}},"timestamp":1672531200000} \
              | {"historic":true,"publishedAt":1672531200000,"units":[{"type":"userId","uid":"u"}],"goals":[{"name":"Order Completed","achievedAt":1672531200000,"properties":{"fee":1000,"absmartly":{"plan":"pro"}}}]}
            """)
    void eventModeSendsTheEventTimeAsHistoric(String event, String body) {
        assertEquals(tree(body), JsonValues.tree(build(TimestampMode.EVENT, event)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"userId":"u","timestamp":"2023-01-01T00:00:00Z","sentAt":"2023-01-01T00:00:05Z","originalTimestamp":"2023-01-01T00:00:01Z"} \
              | {"publishedAt":1672531205000,"units":[{"type":"userId","uid":"u"}],"goals":[{"name":"Order Completed","achievedAt":1672531201000,"properties":null}]}
            {"userId":"u","timestamp":"2023-01-01T00:00:00Z"} \
              | {"publishedAt":1672531200000,"units":[{"type":"userId","uid":"u"}],"goals":[{"name":"Order Completed","achievedAt":1672531200000,"properties":null}]}
            {"userId":"u","timestamp":"2023-01-01T00:00:00Z","sentAt":"2023-01-01T00:00:05Z"} \
              | {"publishedAt":1672531205000,"units":[{"type":"userId","uid":"u"}],"goals":[{"name":"Order Completed","achievedAt":1672531200000,"properties":null}]}
            {"userId":"u","timestamp":"2023-01-01T00:00:00Z","originalTimestamp":"2023-01-01T00:00:01Z"} \
              | {"publishedAt":1672531200000,"units":[{"type":"userId","uid":"u"}],"goals":[{"name":"Order Completed","achievedAt":1672531201000,"properties":null}]}
            {"userId":"u","properties":{"plan":"pro"}} \
              | {"publishedAt":1700000000000,"units":[{"type":"userId","uid":"u"}],"goals":[{"name":"Order Completed","achievedAt":1700000000000,"properties":{"plan":"pro"}}]}
            """)
    void clientModeSendsSentAtAndOriginalTimestamp(String event, String body) {
        assertEquals(tree(body), JsonValues.tree(build(TimestampMode.CLIENT, event)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            EVENT  | {"userId":"u","properties":"bleh"}
            EVENT  | {"userId":"u","properties":0}
            EVENT  | {"userId":"u","properties":[]}
            EVENT  | {"properties":{"plan":"pro"}}
            EVENT  | {"userId":"u","timestamp":"yesterday"}
            CLIENT | {"userId":"u","sentAt":"yesterday"}
            CLIENT | {"userId":"u","originalTimestamp":"yesterday"}
            """)
    void badEventsAreRejected(TimestampMode mode, String event) {
        assertThrows(EventRejectedException.class, () -> build(mode, event));
    }

    @Test
    void theEventKeepsItsAbsmartlyProperty() {
        SegmentEvent event = event("""
                {"properties":{"fee":1000,"absmartly":{"units":[{"type":"userId","uid":"4312"}]}}}""");

        new GoalPublishBody(DEFAULT_MAPPING, TimestampMode.EVENT).build(event, "Order Completed", BRIDGE_TIME);

        assertEquals(tree("""
                {"fee":1000,"absmartly":{"units":[{"type":"userId","uid":"4312"}]}}"""),
                JsonValues.tree(event.properties()));
    }
}
