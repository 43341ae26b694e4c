package io.github.segmentabsmartly.bridge;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.segmentabsmartly.bridge.support.BridgeUnderTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sender's answer says its length (Content-Length), as Segment's own API does, rather than coming in chunks:
 * less to write and to parse for every request. Over HTTP/1.1, as Segment's libraries and most senders talk (the
 * JDK's client would otherwise upgrade to HTTP/2, whose frames always carry their length).
 */
class AnswerLengthTest {

    @RegisterExtension
    static final BridgeUnderTest bridge = BridgeUnderTest.withSettings();

    private final HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "delivered event  | 200 | /segment  | {\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\"}",
        "batch            | 200 | /v1/batch | {\"batch\":[{\"type\":\"track\",\"event\":\"E\",\"userId\":\"ü\"}]}",
        "malformed JSON   | 400 | /segment  | {\"type\":"})
    void answerHasAContentLength(String what, int status, String path, String body) throws Exception {
        HttpResponse<String> answer = http11.send(HttpRequest.newBuilder(URI.create(bridge.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(String.valueOf(answer.body().getBytes(UTF_8).length),
                answer.headers().firstValue("Content-Length").orElse("none"));
        assertFalse(answer.headers().firstValue("Transfer-Encoding").isPresent(), answer.headers().toString());
    }
}
