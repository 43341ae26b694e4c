package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.CollectorStandIn.Answer.status;
import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.support.ChildBridge;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn;
import io.github.segmentabsmartly.bridge.support.Eventually;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM while a delivery is in flight: the delivery is finished and answered, then the bridge exits 0. */
class ShutdownTest {

    @TempDir
    Path dataDir;

    @Test
    void inFlightDeliveryIsFinishedBeforeTheBridgeExits() throws Exception {
        try (CollectorStandIn collector = new CollectorStandIn();
                ChildBridge bridge = deliveringTo(collector)) {
            bridge.postWhenUp("/segment", "{\"type\":\"identify\",\"userId\":\"u\"}");
            collector.answer(status(200).after(Duration.ofMillis(800)));

            CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
                try {
                    return bridge.postWhenUp("/segment", "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\"}");
                } catch (Exception failed) {
                    throw new IllegalStateException(failed);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (collector.received().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            bridge.process().destroy();

            HttpResponse<String> answer = inFlight.get(20, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("delivered", tree(answer.body()).get("outcome").asText());
            assertEquals(0, bridge.process().waitFor(), "exit status");
        }
    }

    /**
     * SIGTERM while 40 requests are in flight, their Collector calls held up: every sender gets an answer within the
     * shutdown timeout, its event delivered (200), or 503 to send it again (Camel's answer to a request that reaches
     * a route being stopped); none is left without one, and what reached the Collector is answered delivered.
     */
    @Test
    void everyRequestInFlightIsAnsweredWhenTheBridgeStops() throws Exception {
        try (CollectorStandIn collector = new CollectorStandIn();
                ChildBridge bridge = deliveringTo(collector)) {
            bridge.postWhenUp("/segment", "{\"type\":\"identify\",\"userId\":\"u\"}");
            collector.injectFaults(body -> status(200).after(Duration.ofMillis(700)));
            List<CompletableFuture<HttpResponse<String>>> inFlight = IntStream.range(0, 40)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            return bridge.postWhenUp("/segment", "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u"
                                    + i + "\",\"messageId\":\"stop-" + i + "\"}");
                        } catch (Exception failed) {
                            throw new IllegalStateException(failed);
                        }
                    })).toList();
            Eventually.waitUntil("requests at the Collector", () -> collector.received().size() >= 10);
            bridge.process().destroy();

            int delivered = 0;
            for (CompletableFuture<HttpResponse<String>> request : inFlight) {
                HttpResponse<String> answer = request.get(20, TimeUnit.SECONDS);
                assertTrue(answer.statusCode() == 200 || answer.statusCode() == 503, answer.statusCode() + " "
                        + answer.body());
                if (answer.statusCode() == 200) {
                    assertEquals("delivered", tree(answer.body()).get("outcome").asText());
                    delivered++;
                }
            }
            assertEquals(0, bridge.process().waitFor(), "exit status");
            assertEquals(collector.received().size(), delivered);
        }
    }

    private ChildBridge deliveringTo(CollectorStandIn collector) throws Exception {
        return ChildBridge.start(Map.of("ABSMARTLY_COLLECTOR_ENDPOINT", collector.endpoint(), "ABSMARTLY_API_KEY", "k",
                "ABSMARTLY_ENVIRONMENT", "e", "BRIDGE_DATA_DIR", dataDir.toString()));
    }
}
