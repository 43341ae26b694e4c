package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.CollectorStandIn.Answer.status;
import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.support.BridgeUnderTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Past the body bytes that requests may hold at once, a sender is told to come back (503, Retry-After): a burst waits
 * at its senders, not in the bridge's memory. Once the requests in flight are answered, their bytes are free again.
 */
class BackPressureTest {

    @RegisterExtension
    static final BridgeUnderTest bridge = BridgeUnderTest.withSettings(
            "bridge.limits.max-body-bytes", "10000", "bridge.limits.max-bytes-in-flight", "10000",
            "bridge.limits.max-event-bytes", "10000");

    @Test
    void requestsPastTheBytesInFlightAreAnswered503() throws Exception {
        for (int i = 0; i < 8; i++) {
            bridge.collector().answer(status(200).after(Duration.ofMillis(500)));
        }
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String event = "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"messageId\":\"burst-" + i
                    + "\",\"properties\":{\"padding\":\"" + "p".repeat(6000) + "\"}}";
            burst.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return bridge.post("/segment", event);
                } catch (Exception failed) {
                    throw new IllegalStateException(failed);
                }
            }, senders));
        }

        int delivered = 0;
        int refused = 0;
        for (CompletableFuture<HttpResponse<String>> request : burst) {
            HttpResponse<String> answer = request.get();
            if (answer.statusCode() == 503) {
                refused++;
                assertEquals("1", answer.headers().firstValue("Retry-After").orElseThrow());
                assertEquals("the bridge is reading as much as it may at once: send again in a moment",
                        tree(answer.body()).get("error").asText());
            } else {
                assertEquals(200, answer.statusCode(), answer.body());
                delivered++;
            }
        }
        senders.shutdown();
        assertTrue(refused > 0 && delivered >= 1, delivered + " delivered, " + refused + " refused");
        assertEquals(delivered, bridge.collector().received().size());
        assertEquals(200, bridge.post("/segment", "{\"type\":\"identify\",\"userId\":\"u\"}").statusCode());
    }
}
