package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.segmentabsmartly.bridge.support.BridgeUnderTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A sender that speaks HTTP/2 without TLS (h2c: the JDK's own client does, by default, upgrading its first
 * request) is answered as one on HTTP/1.1 is. Senders mostly speak HTTP/1.1, which the other tests use.
 */
class CleartextHttp2Test {

    @RegisterExtension
    static final BridgeUnderTest bridge = BridgeUnderTest.withSettings();

    @Test
    void eventsSentOverHttp2AreDeliveredAndAnswered() throws Exception {
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> upgraded = http2.send(post("/segment",
                "{\"type\":\"track\",\"event\":\"First\",\"userId\":\"u\",\"messageId\":\"h2-1\"}"),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> onHttp2 = http2.send(post("/v1/batch",
                "{\"batch\":[{\"type\":\"track\",\"event\":\"Second\",\"userId\":\"u\",\"messageId\":\"h2-2\"}]}"),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, upgraded.statusCode(), upgraded.body());
        assertEquals("delivered", tree(upgraded.body()).get("outcome").asText());
        assertEquals(HttpClient.Version.HTTP_2, onHttp2.version(), "the connection was upgraded to h2c");
        assertEquals(200, onHttp2.statusCode(), onHttp2.body());
        assertEquals("delivered", tree(onHttp2.body()).get("events").get(0).get("outcome").asText());
        assertEquals(List.of("First", "Second"), bridge.collector().received().stream()
                .map(received -> tree(received.body()).get("goals").get(0).get("name").asText()).toList());
    }

    private static HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(bridge.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
