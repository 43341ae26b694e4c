package io.github.segmentabsmartly.bridge.publish;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static io.github.segmentabsmartly.bridge.support.JsonValues.event;
import static io.github.segmentabsmartly.bridge.support.JsonValues.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.event.EventRejectedException;
import io.github.segmentabsmartly.bridge.support.JsonValues;
import io.github.segmentabsmartly.bridge.settings.UnitMapping;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {

    static final UnitMapping DEFAULT_MAPPING = UnitMapping.parse("anonymousId=anonymousId,userId=userId");

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"anonymousId":"anon-123","userId":"123"}      | [{"type":"anonymousId","uid":"anon-123"},{"type":"userId","uid":"123"}]
            {"userId":"123","anonymousId":"anon-123"}      | [{"type":"anonymousId","uid":"anon-123"},{"type":"userId","uid":"123"}]
            {"anonymousId":"477f","userId":null,"email":""} | [{"type":"anonymousId","uid":"477f"}]
            {"anonymousId":"a","userId":""}                | [{"type":"anonymousId","uid":"a"}]
            {"anonymousId":"a","userId":"   "}             | [{"type":"anonymousId","uid":"a"}]
            {"anonymousId":"a","userId":true}              | [{"type":"anonymousId","uid":"a"}]
            {"anonymousId":"a","userId":{"id":"u"}}        | [{"type":"anonymousId","uid":"a"}]
            {"anonymousId":"a","userId":["u"]}             | [{"type":"anonymousId","uid":"a"}]
            {"anonymousId":"a"}                            | [{"type":"anonymousId","uid":"a"}]
            {"userId":123}                                 | [{"type":"userId","uid":"123"}]
            {"userId":1.5}                                 | [{"type":"userId","uid":"1.5"}]
            {"userId":123.0}                               | [{"type":"userId","uid":"123"}]
            {"userId":-7}                                  | [{"type":"userId","uid":"-7"}]
            {"userId":0}                                   | [{"type":"userId","uid":"0"}]
            {"userId":1672531200000}                       | [{"type":"userId","uid":"1672531200000"}]
            {"userId":"  a "}                              | [{"type":"userId","uid":"  a "}]
            {"userId":"u","properties":{"absmartly":{}}}   | [{"type":"userId","uid":"u"}]
            """)
    void defaultMappingReadsAnonymousIdThenUserId(String event, String units) {
        Units.Selection selection = Units.of(event(event), DEFAULT_MAPPING);

        assertEquals(tree(units), JsonValues.tree(selection.units()));
        assertFalse(selection.fromOverride());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            traits.email=email                  | {"traits":{"email":"a@b.c"}}                    | [{"type":"email","uid":"a@b.c"}]
            context.traits.email=email          | {"context":{"traits":{"email":"a@b.c"}}}        | [{"type":"email","uid":"a@b.c"}]
            properties.account_id=account       | {"properties":{"account_id":42}}                | [{"type":"account","uid":"42"}]
            userId=user,traits.email=email      | {"traits":{"email":"e"},"userId":"u"}           | [{"type":"user","uid":"u"},{"type":"email","uid":"e"}]
            traits.email=email,userId=user      | {"userId":"u","traits":{"email":"e"}}           | [{"type":"email","uid":"e"},{"type":"user","uid":"u"}]
            traits.email=email,userId=user      | {"userId":"u","traits":"e"}                     | [{"type":"user","uid":"u"}]
            context.traits.email=email,userId=u | {"userId":"u","context":{"traits":{"email":""}}} | [{"type":"u","uid":"u"}]
            """)
    void mappingPathsAreReadInMappingOrder(String mapping, String event, String units) {
        Units.Selection selection = Units.of(event(event), UnitMapping.parse(mapping));

        assertEquals(tree(units), JsonValues.tree(selection.units()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"userId":"u","properties":{"fee":1000,"absmartly":{"units":[{"type":"userId","uid":"4312"}]}}} | [{"type":"userId","uid":"4312"}]
            {"properties":{"absmartly":{"units":[{"type":"email","uid":"e"},{"type":"device","uid":7}]}}}  | [{"type":"email","uid":"e"},{"type":"device","uid":"7"}]
            {"properties":{"absmartly":{"units":[{"type":"a","uid":""},{"type":"b","uid":"x"}]}}}         | [{"type":"b","uid":"x"}]
            {"properties":{"absmartly":{"units":[{"type":"a","uid":null},{"type":"b","uid":" x"}]}}}      | [{"type":"b","uid":" x"}]
            """)
    void absmartlyUnitsReplaceTheMapping(String event, String units) {
        Units.Selection selection = Units.of(event(event), DEFAULT_MAPPING);

        assertEquals(tree(units), JsonValues.tree(selection.units()));
        assertTrue(selection.fromOverride());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {}
            {"anonymousId":"","userId":null}
            {"anonymousId":false,"userId":{}}
            {"anonymousId":"a","properties":{"absmartly":{"units":"a"}}}
            {"anonymousId":"a","properties":{"absmartly":{"units":{"type":"t","uid":"u"}}}}
            {"anonymousId":"a","properties":{"absmartly":{"units":[]}}}
            {"anonymousId":"a","properties":{"absmartly":{"units":[{"uid":"u"}]}}}
            {"anonymousId":"a","properties":{"absmartly":{"units":[{"type":"","uid":"u"}]}}}
            {"anonymousId":"a","properties":{"absmartly":{"units":[{"type":1,"uid":"u"}]}}}
            {"anonymousId":"a","properties":{"absmartly":{"units":["u"]}}}
            {"anonymousId":"a","properties":{"absmartly":{"units":[{"type":"t","uid":""}]}}}
            """)
    void eventsWithoutUsableUnitsAreRejected(String event) {
        assertThrows(EventRejectedException.class, () -> Units.of(event(event), DEFAULT_MAPPING));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"userId":"%s"}                                                        | 640 | true
            {"userId":"%s"}                                                        | 641 | false
            {"properties":{"absmartly":{"units":[{"type":"userId","uid":"%s"}]}}} | 640 | true
            {"properties":{"absmartly":{"units":[{"type":"userId","uid":"%s"}]}}} | 641 | false
            """)
    void uidsLongerThan640CharactersAreRejected(String template, int length, boolean accepted) {
        String uid = "u".repeat(length);
        if (accepted) {
            assertEquals(uid, Units.of(event(template.formatted(uid)), DEFAULT_MAPPING).units().get(0).get("uid"));
        } else {
            assertThrows(EventRejectedException.class,
                    () -> Units.of(event(template.formatted(uid)), DEFAULT_MAPPING));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            123        | 123
            1.5        | 1.5
            123.0      | 123
            -0.5       | -0.5
            0          | 0
            1e3        | 1000
            1e20       | 100000000000000000000
            0.000001   | 0.000001
            "  a "     | '  a '
            "123"      | 123
            ""         |
            "   "      |
            null       |
            true       |
            {}         |
            []         |
            """)
    void uidIsTheValueAsJavaScriptStringWouldWriteIt(String json, String uid) {
        assertEquals(uid, Units.uidOf(value(json), "userId"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1e21                  | 1e+21
            -1.5e21               | -1.5e+21
            123456789012345678901 | 123456789012345680000
            1e-7                  | 1e-7
            1.5e-7                | 1.5e-7
            -0.0000012            | -0.0000012
            9007199254740993      | 9007199254740992
            -9223372036854775808  | -9223372036854776000
            -0                    | 0
            1e400                 | Infinity
            -1e400                | -Infinity
            """)
    void uidOfANumberBeyondJavaScriptsPlainRangeOrPrecisionIsAsJavaScriptWritesIt(String json, String uid) {
        assertEquals(uid, Units.uidOf(value(json), "userId"));
    }
}
