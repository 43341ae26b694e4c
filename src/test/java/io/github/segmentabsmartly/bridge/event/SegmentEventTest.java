package io.github.segmentabsmartly.bridge.event;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static io.github.segmentabsmartly.bridge.support.JsonValues.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.segmentabsmartly.bridge.support.JsonValues;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentEventTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"userId":"u"}                                   | userId                | "u"
            {"userId":123}                                   | userId                | 123
            {"traits":{"email":"a@b.c"}}                     | traits.email          | "a@b.c"
            {"context":{"traits":{"email":"a@b.c"}}}         | context.traits.email  | "a@b.c"
            {"context":{"traits":{"email":"a@b.c"}}}         | context.traits        | {"email":"a@b.c"}
            {"properties":{"absmartly":{"units":[]}}}        | properties.absmartly.units | []
            {"userId":"u"}                                   | anonymousId           | null
            {"traits":"x"}                                   | traits.email          | null
            {"traits":null}                                  | traits.email          | null
            {"traits":[{"email":"a@b.c"}]}                   | traits.0.email        | null
            {"traits.email":"a@b.c"}                         | traits.email          | null
            """)
    void atReadsTopLevelFieldsAndDottedPaths(String event, String path, String value) {
        assertEquals(tree(value), JsonValues.tree(event(event).at(path)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"type":"track","messageId":"m-1"} | track | m-1
            {"type":"page","messageId":42}     | page  |
            {}                                 |       |
            """)
    void typeAndMessageId(String event, String type, String messageId) {
        assertEquals(type, event(event).type());
        assertEquals(messageId, event(event).messageId());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"properties":{"url":"https://example.com"}} | {"url":"https://example.com"}
            {"properties":{}}                            | {}
            {"properties":null}                          | null
            {}                                           | null
            """)
    void propertiesAreAnObjectOrNull(String event, String properties) {
        assertEquals(tree(properties), JsonValues.tree(event(event).properties()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"properties":"bleh"}
            {"properties":0}
            {"properties":[]}
            {"properties":true}
            """)
    void propertiesOfAnotherTypeAreRejected(String event) {
        assertThrows(EventRejectedException.class, () -> event(event).properties());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"name":"Home"}              | name            | Home
            {"properties":{"name":"H"}}  | properties.name | H
            {}                           | name            |
            {"name":null}                | name            |
            """)
    void optionalStringReadsStrings(String event, String path, String value) {
        assertEquals(value, event(event).optionalString(path));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"name":42}           | name
            {"name":{"a":1}}      | name
            {"event":["x"]}       | event
            """)
    void optionalStringRejectsOtherTypes(String event, String path) {
        assertThrows(EventRejectedException.class, () -> event(event).optionalString(path));
    }
}
