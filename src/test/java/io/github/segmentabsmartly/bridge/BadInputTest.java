package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.segmentabsmartly.bridge.support.BridgeUnderTest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bodies that are not good Segment events get a clear 4xx, never a 500, and nothing reaches the Collector. */
class BadInputTest {

    @RegisterExtension
    static final BridgeUnderTest bridge = BridgeUnderTest.withSettings();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "malformed JSON            | {\"type\":\"track\"                     | malformed JSON",
        "trailing garbage          | {\"type\":\"track\"} x                  | malformed JSON",
        "empty body                | ``                                      | empty",
        "a string                  | \"track\"                               | must be a Segment event",
        "a number                  | 42                                      | must be a Segment event",
        "batch that is not a list  | {\"batch\":{\"type\":\"track\"}}        | batch must be an array",
        "NaN                       | {\"type\":\"track\",\"x\":NaN}          | malformed JSON"})
    void unreadableBodiesAre400WithAReason(String what, String body, String reasonPart) throws Exception {
        HttpResponse<String> answer = bridge.post("/segment", body);

        assertEquals(400, answer.statusCode(), answer.body());
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElseThrow());
        JsonNode json = tree(answer.body());
        assertFalse(json.get("success").asBoolean());
        assertTrue(json.get("error").asText().contains(reasonPart), json.get("error").asText());
        assertTrue(bridge.collector().received().isEmpty());
    }

    /**
     * What JSON may be, whatever its size: nesting and number digits have limits of their own, so that no body costs
     * memory or stack out of proportion to it (BridgeJson); a batch is read a token at a time, each event parsed when
     * its turn comes, and an event of a batch over the event size limit is rejected on its own.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "nested 65 deep, an event     | EVENT_NESTED   | 400 | goes past the bridge's limits",
        "nested 65 deep, in a batch   | BATCH_NESTED   | 400 | goes past the bridge's limits",
        "a number of 101 digits       | LONG_NUMBER    | 400 | goes past the bridge's limits",
        "a string over a million      | LONG_STRING    | 200 | over the limit of 32768 bytes"})
    void jsonPastItsLimitsIsRefusedWithAReason(String what, String body, int status, String reasonPart)
            throws Exception {
        String nested = "{\"a\":".repeat(65) + "1" + "}".repeat(65);
        String json = switch (body) {
            case "EVENT_NESTED" -> "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"properties\":" + nested + "}";
            case "BATCH_NESTED" -> "[{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"properties\":" + nested
                    + "}]";
            case "LONG_NUMBER" -> "{\"type\":\"track\",\"event\":\"E\",\"userId\":" + "9".repeat(101) + "}";
            default -> "[{\"type\":\"track\",\"event\":\"" + "e".repeat(1_000_001) + "\"}]";
        };

        HttpResponse<String> answer = bridge.post("/segment", json);

        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains(reasonPart), answer.body());
        assertTrue(bridge.collector().received().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no type             | {\"event\":\"E\",\"userId\":\"u\"}                     | needs a type",
        "type not a string   | {\"type\":7,\"event\":\"E\",\"userId\":\"u\"}          | needs a type",
        "event not a string  | {\"type\":\"track\",\"event\":5,\"userId\":\"u\"}      | event must be a string",
        "bad timestamp       | {\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":\"yesterday\"} | timestamp",
        "timestamp an object | {\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"timestamp\":{}} | timestamp",
        "properties a list   | {\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"properties\":[1]} | properties must be an object",
        "units not an array  | {\"type\":\"track\",\"event\":\"E\",\"properties\":{\"absmartly\":{\"units\":{}}}} | units must be an array"})
    void eventsWithWrongTypesAreRejectedWithTheFieldNamed(String what, String body, String reasonPart)
            throws Exception {
        HttpResponse<String> answer = bridge.post("/segment", body);

        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(tree(answer.body()).get("error").asText().contains(reasonPart), answer.body());
        assertTrue(bridge.collector().received().isEmpty());
    }

    @Test
    void nonObjectsInABatchAreRejectedOneByOne() throws Exception {
        HttpResponse<String> answer = bridge.post("/segment", "[1, \"x\", null, {\"type\":\"identify\"}, null]");

        assertEquals(200, answer.statusCode());
        assertEquals(tree("{\"rejected\":4,\"ignored\":1}"), tree(answer.body()).get("counts"));
    }

    @Test
    void formContentTypeIsAnswered415NotA500() throws Exception {
        HttpResponse<String> answer = bridge.post("/segment", "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\"}",
                "Content-Type", "application/x-www-form-urlencoded");

        assertEquals(415, answer.statusCode());
        assertTrue(tree(answer.body()).get("error").asText().contains("Content-Type: application/json"));
        assertTrue(bridge.collector().received().isEmpty());
    }

    @Test
    void multipartBodyIsAnswered415AndLeavesNoUploadsFolderBehind() throws Exception {
        Path uploadsInWorkingDirectory = Path.of("file-uploads");
        assumeFalse(Files.exists(uploadsInWorkingDirectory), "a file-uploads folder is already in " + Path.of("."));
        String boundary = "bridge-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"events\"; filename=\"events.json\""
                + "\r\nContent-Type: application/json\r\n\r\n{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\"}\r\n--"
                + boundary + "--\r\n";

        HttpResponse<String> answer = bridge.post("/segment", body,
                "Content-Type", "multipart/form-data; boundary=" + boundary);

        assertEquals(415, answer.statusCode(), answer.body());
        assertTrue(tree(answer.body()).get("error").asText().contains("Content-Type: application/json"));
        assertTrue(bridge.collector().received().isEmpty());
        assertFalse(Files.exists(uploadsInWorkingDirectory), "Vert.x wrote the upload to the working directory");
    }

    @Test
    void jsonWithAnotherContentTypeIsStillRead() throws Exception {
        HttpResponse<String> answer = bridge.post("/segment", "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\"}",
                "Content-Type", "text/plain");

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(1, bridge.collector().received().size());
    }

    @Test
    void trackingApiPathImpliesTheType() throws Exception {
        HttpResponse<String> answer = bridge.post("/v1/track", "{\"event\":\"E\",\"userId\":\"u\"}");

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("E", tree(bridge.collector().received().get(0).body()).at("/goals/0/name").asText());
    }

    @Test
    void unknownTrackingApiCallIs404() throws Exception {
        HttpResponse<String> answer = bridge.post("/v1/purchase", "{\"event\":\"E\",\"userId\":\"u\"}");

        assertEquals(404, answer.statusCode());
        assertTrue(tree(answer.body()).get("error").asText().contains("/v1/purchase"));
    }

    @Test
    void bodiesOverTheServerLimitAreRefused413() throws Exception {
        String huge = "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"properties\":{\"blob\":\""
                + "x".repeat(9 * 1024 * 1024) + "\"}}";

        HttpResponse<String> answer = bridge.post("/segment", huge);

        assertEquals(413, answer.statusCode());
        assertTrue(bridge.collector().received().isEmpty());
    }

    @Test
    void requestHeadersAreNotEchoedBack() throws Exception {
        HttpResponse<String> answer = bridge.post("/segment", "{\"type\":\"identify\",\"userId\":\"u\"}",
                "Content-Type", "application/json", "Authorization", "Bearer very-secret-token");

        assertEquals(200, answer.statusCode());
        assertTrue(answer.headers().firstValue("Authorization").isEmpty());
    }
}
