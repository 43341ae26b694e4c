package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.support.ChildBridge;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn.Received;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What anyone who can reach the port may send, against the bridge as it is shipped (a child JVM with jvm.options)
 * delivering to a Collector stand-in: event values that cannot be HTTP header values, and bodies that come slowly or
 * not at all. None of it fails, stalls or takes the place of a good sender.
 */
class HostileInputTest {

    private static final String TOKEN = "hostile-test-token";
    private static final String GOOD = "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"messageId\":\"good-%d\","
            + "\"context\":{\"library\":{\"name\":\"analytics.js\"}}}";

    @TempDir
    Path dataDir;

    private CollectorStandIn collector;
    private ChildBridge bridge;
    private final List<Socket> sockets = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws Exception {
        collector = new CollectorStandIn();
        bridge = ChildBridge.start(Map.of("ABSMARTLY_COLLECTOR_ENDPOINT", collector.endpoint(),
                "ABSMARTLY_API_KEY", "k", "ABSMARTLY_ENVIRONMENT", "e", "BRIDGE_DATA_DIR", dataDir.toString(),
                "INGEST_TOKENS", TOKEN, "SEGMENT_SHARED_SECRETS", "hostile-test-secret",
                "BRIDGE_LIMITS_READ_TIMEOUT_MS", "1000"));
        bridge.awaitLive();
    }

    @AfterEach
    void stop() throws Exception {
        for (Socket socket : sockets) {
            socket.close();
        }
        bridge.close();
        collector.close();
    }

    /**
     * context.library.name becomes X-Agent: a CR, LF or NUL in it, or a name of a thousand characters, would break the
     * request or stall it. The event goes out with the agent "segment" instead, and the events after it as usual.
     */
    @Test
    void aValueThatCannotBeAHeaderValueNeverReachesAHeader() throws Exception {
        List<String> names = List.of("evil\\r\\nX-Injected: 1", "line\\nfeed", "nul\\u0000byte", "x".repeat(1000),
                "tab\\tand\\u007f");
        for (int i = 0; i < 100; i++) {
            String event = "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"messageId\":\"hostile-" + i
                    + "\",\"context\":{\"library\":{\"name\":\"" + names.get(i % names.size()) + "\"}}}";
            HttpResponse<String> answer = post(event, "Authorization", "Bearer " + TOKEN);
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("delivered", tree(answer.body()).get("outcome").asText());
        }
        HttpResponse<String> good = post(GOOD.formatted(1), "Authorization", "Bearer " + TOKEN);

        assertEquals(200, good.statusCode(), good.body());
        List<Received> received = collector.received();
        assertEquals(101, received.size());
        assertTrue(received.subList(0, 100).stream().allMatch(request -> "segment".equals(request.headers().get("x-agent"))));
        assertTrue(received.stream().noneMatch(request -> request.headers().containsKey("x-injected")));
        assertEquals("analytics.js", received.get(100).headers().get("x-agent"));
    }

    /**
     * 120 connections send a body slowly: 60 with no credentials at all, refused before their body is read, and 60 with
     * a made-up webhook signature, whose bodies must be read to be checked but hold at most half the request threads.
     * A sender with credentials is answered at once meanwhile; a body that stalls is dropped after the read timeout.
     */
    @Test
    void slowBodiesHoldNoPlaceAGoodSenderNeeds() throws Exception {
        for (int i = 0; i < 120; i++) {
            sockets.add(slowSender(i % 2 == 0 ? "" : "X-Signature: 0000000000000000000000000000000000000000\r\n"));
        }

        long started = System.nanoTime();
        HttpResponse<String> good = post(GOOD.formatted(2), "Authorization", "Bearer " + TOKEN);
        long answeredMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertEquals(200, good.statusCode(), good.body());
        assertTrue(answeredMillis < 1000, "a good sender was answered in " + answeredMillis + " ms");
        Socket stalled = slowSender("Authorization: Bearer " + TOKEN + "\r\n");
        sockets.add(stalled);
        stalled.setSoTimeout(5000);
        String answer = new String(readAll(stalled.getInputStream()), StandardCharsets.US_ASCII);
        assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
    }

    /** A connection that sends a request's headers and the first byte of its 1000-byte body, and then nothing. */
    private Socket slowSender(String headers) throws IOException {
        Socket socket = new Socket("127.0.0.1", bridge.port());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /segment HTTP/1.1\r\nHost: bridge\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n"
                + headers + "\r\n{").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** What the bridge sends until it closes the connection. */
    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private HttpResponse<String> post(String json, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bridge.baseUrl() + "/segment"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
