package io.github.segmentabsmartly.bridge.publish;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static io.github.segmentabsmartly.bridge.support.JsonValues.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.segmentabsmartly.bridge.event.EventRejectedException;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import io.github.segmentabsmartly.bridge.settings.TimestampMode;
import io.github.segmentabsmartly.bridge.support.JsonValues;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExposurePublishBodyTest {

    static final long BRIDGE_TIME = 1700000000000L;
    static final String SPEC_PAYLOAD = """
            {"publishedAt":1602531300000,"units":[{"type":"anonymousId","uid":"anon-123"}],
             "exposures":[{"id":10,"name":"test_experiment","assigned":true,"exposedAt":1602531200000}],
             "attributes":[{"name":"test","value":"test","setAt":1602530000000}]}""";

    static Map<String, Object> build(TimestampMode mode, String event) {
        return new ExposurePublishBody(mode).build(event(event), BRIDGE_TIME);
    }

    /** The spec's exposure event with one key of its payload set to a JSON value, or removed when null. */
    static String specEventWith(String key, String json) {
        Map<String, Object> payload = new LinkedHashMap<>(JsonValues.object(SPEC_PAYLOAD));
        if (json == null) {
            payload.remove(key);
        } else {
            payload.put(key, JsonValues.value(json));
        }
        return "{\"timestamp\":\"2023-01-01T00:00:00.000Z\",\"properties\":{\"exposure\":"
                + JsonValues.tree(payload) + "}}";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"timestamp":"2023-01-01T00:00:00.000Z","properties":{"exposure":%s}} \
              | {"publishedAt":1672531200000,"units":[{"type":"anonymousId","uid":"anon-123"}],"exposures":[{"id":10,"name":"test_experiment","assigned":true,"exposedAt":1672531100000}],"attributes":[{"name":"test","value":"test","setAt":1672529900000}],"historic":true}
            {"timestamp":"2023-01-01T00:00:00.000Z","properties":{"absmartly":%s}} \
              | {"publishedAt":1672531200000,"units":[{"type":"anonymousId","uid":"anon-123"}],"exposures":[{"id":10,"name":"test_experiment","assigned":true,"exposedAt":1672531100000}],"attributes":[{"name":"test","value":"test","setAt":1672529900000}],"historic":true}
            {"receivedAt":"2023-01-01T00:00:00.000Z","properties":{"exposure":%s,"absmartly":{"units":[]}}} \
              | {"publishedAt":1672531200000,"units":[{"type":"anonymousId","uid":"anon-123"}],"exposures":[{"id":10,"name":"test_experiment","assigned":true,"exposedAt":1672531100000}],"attributes":[{"name":"test","value":"test","setAt":1672529900000}],"historic":true}
            {"properties":{"exposure":%s}} \
              | {"publishedAt":1700000000000,"units":[{"type":"anonymousId","uid":"anon-123"}],"exposures":[{"id":10,"name":"test_experiment","assigned":true,"exposedAt":1699999900000}],"attributes":[{"name":"test","value":"test","setAt":1699998700000}],"historic":true}
            {"type":"group","timestamp":"2023-01-01T00:00:00.000Z","traits":{"absmartly":%s}} \
              | {"publishedAt":1672531200000,"units":[{"type":"anonymousId","uid":"anon-123"}],"exposures":[{"id":10,"name":"test_experiment","assigned":true,"exposedAt":1672531100000}],"attributes":[{"name":"test","value":"test","setAt":1672529900000}],"historic":true}
            {"type":"group","timestamp":"2023-01-01T00:00:00.000Z","traits":{"exposure":%s,"absmartly":{}}} \
              | {"publishedAt":1672531200000,"units":[{"type":"anonymousId","uid":"anon-123"}],"exposures":[{"id":10,"name":"test_experiment","assigned":true,"exposedAt":1672531100000}],"attributes":[{"name":"test","value":"test","setAt":1672529900000}],"historic":true}
            """)
    void eventModeMovesEveryTimeSoPublishedAtIsTheEventTime(String template, String body) {
        assertEquals(tree(body), JsonValues.tree(build(TimestampMode.EVENT, template.formatted(SPEC_PAYLOAD))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            publishedAt | "2020-10-12T19:35:00.000Z"                        | {"publishedAt":1672531200000,"units":[{"type":"anonymousId","uid":"anon-123"}],"exposures":[{"id":10,"name":"test_experiment","assigned":true,"exposedAt":1672531100000}],"attributes":[{"name":"test","value":"test","setAt":1672529900000}],"historic":true}
            attributes  |                                                   | {"publishedAt":1672531200000,"units":[{"type":"anonymousId","uid":"anon-123"}],"exposures":[{"id":10,"name":"test_experiment","assigned":true,"exposedAt":1672531100000}],"historic":true}
            attributes  | null                                              | {"publishedAt":1672531200000,"units":[{"type":"anonymousId","uid":"anon-123"}],"exposures":[{"id":10,"name":"test_experiment","assigned":true,"exposedAt":1672531100000}],"attributes":null,"historic":true}
            attributes  | [{"name":"a","value":1}]                          | {"publishedAt":1672531200000,"units":[{"type":"anonymousId","uid":"anon-123"}],"exposures":[{"id":10,"name":"test_experiment","assigned":true,"exposedAt":1672531100000}],"attributes":[{"name":"a","value":1}],"historic":true}
            goals       | []                                                | {"publishedAt":1672531200000,"units":[{"type":"anonymousId","uid":"anon-123"}],"exposures":[{"id":10,"name":"test_experiment","assigned":true,"exposedAt":1672531100000}],"attributes":[{"name":"test","value":"test","setAt":1672529900000}],"goals":[],"historic":true}
            hashed      | true                                              | {"publishedAt":1672531200000,"units":[{"type":"anonymousId","uid":"anon-123"}],"exposures":[{"id":10,"name":"test_experiment","assigned":true,"exposedAt":1672531100000}],"attributes":[{"name":"test","value":"test","setAt":1672529900000}],"hashed":true,"historic":true}
            exposures   | [{"id":1,"exposedAt":1602531300000},{"id":2,"exposedAt":1262304000000}] | {"publishedAt":1672531200000,"units":[{"type":"anonymousId","uid":"anon-123"}],"exposures":[{"id":1,"exposedAt":1672531200000},{"id":2,"exposedAt":1332303900000}],"attributes":[{"name":"test","value":"test","setAt":1672529900000}],"historic":true}
            """)
    void eventModePassesOtherKeysThrough(String key, String json, String body) {
        assertEquals(tree(body), JsonValues.tree(build(TimestampMode.EVENT, specEventWith(key, json))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            hashed      | true
            publishedAt | "2020-10-12T19:35:00.000Z"
            publishedAt | 1262304000000
            publishedAt | 2524608000000
            goals       | null
            attributes  | null
            """)
    void clientModeSendsThePayloadVerbatim(String key, String json) {
        SegmentEvent event = event(specEventWith(key, json));

        Map<String, Object> body = new ExposurePublishBody(TimestampMode.CLIENT).build(event, BRIDGE_TIME);

        assertEquals(JsonValues.tree(event.at("properties.exposure")), JsonValues.tree(body));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            publishedAt |
            publishedAt | 1262303999999
            publishedAt | 2524608000001
            publishedAt | "soon"
            publishedAt | true
            units       |
            units       | []
            units       | {"type":"anonymousId","uid":"anon-123"}
            exposures   |
            exposures   | []
            exposures   | ["x"]
            exposures   | [{"id":10}]
            exposures   | [{"id":10,"exposedAt":"1602531200000"}]
            exposures   | [{"id":10,"exposedAt":1262303999999}]
            exposures   | [{"id":10,"exposedAt":2524608000001}]
            exposures   | [{"id":10,"exposedAt":1602531200000},{"id":11,"exposedAt":null}]
            goals       | [{}]
            goals       | [{"name":"g","achievedAt":1602531200000}]
            goals       | "x"
            goals       | {}
            attributes  | {}
            attributes  | "x"
            """)
    void invalidPayloadsAreRejectedInBothModes(String key, String json) {
        for (TimestampMode mode : TimestampMode.values()) {
            assertThrows(EventRejectedException.class, () -> build(mode, specEventWith(key, json)), mode.name());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"type":"track","event":"Experiment Viewed"}
            {"properties":null}
            {"properties":{}}
            {"properties":{"exposure":"x"}}
            {"properties":{"absmartly":[]}}
            {"properties":"x"}
            {"type":"group","properties":{"exposure":{}}}
            {"type":"group","traits":{"absmartly":"x"}}
            {"type":"group","traits":"x"}
            """)
    void eventsWithoutAPayloadAreRejectedInBothModes(String event) {
        for (TimestampMode mode : TimestampMode.values()) {
            assertThrows(EventRejectedException.class, () -> build(mode, event), mode.name());
        }
    }

    @Test
    void aNullExposureFallsBackToAbsmartly() {
        Map<String, Object> body = build(TimestampMode.CLIENT,
                "{\"properties\":{\"exposure\":null,\"absmartly\":" + SPEC_PAYLOAD + "}}");

        assertEquals(tree(SPEC_PAYLOAD), JsonValues.tree(body));
    }
}
