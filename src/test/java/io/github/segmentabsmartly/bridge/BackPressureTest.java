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

/** Past the limit of requests in flight, a sender is told to come back (503, Retry-After), not queued. */
class BackPressureTest {

    @RegisterExtension
    static final BridgeUnderTest bridge = BridgeUnderTest.withSettings("bridge.limits.max-requests-in-flight", "2");

    @Test
    void requestsPastTheLimitAreAnswered503() throws Exception {
        for (int i = 0; i < 8; i++) {
            bridge.collector().answer(status(200).after(Duration.ofMillis(500)));
        }
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String event = "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"messageId\":\"burst-" + i + "\"}";
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
                assertTrue(tree(answer.body()).get("error").asText().contains("requests in flight"));
            } else {
                assertEquals(200, answer.statusCode(), answer.body());
                delivered++;
            }
        }
        senders.shutdown();
        assertTrue(refused > 0 && delivered >= 2, delivered + " delivered, " + refused + " refused");
        assertEquals(delivered, bridge.collector().received().size());
        assertEquals(200, bridge.post("/segment", "{\"type\":\"identify\",\"userId\":\"u\"}").statusCode());
    }
}
