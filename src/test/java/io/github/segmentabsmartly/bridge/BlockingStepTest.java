package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.support.CollectorStandIn;
import io.github.segmentabsmartly.bridge.support.EditedRoutes;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A route editor may add any stock step anywhere, one that blocks its thread included: each request has a thread of
 * its own from its start to its answer. Here a step holds every event 100 ms, before it is delivered or after the
 * Collector answered, and 200 senders post at once: each is answered 2xx within a few seconds and its event
 * delivered, none is refused for capacity.
 */
class BlockingStepTest {

    private static final String HOLD = """
            - delay:
                constant: 100
                asyncDelayed: false
            """;

    @TempDir
    Path dataDir;
    @TempDir
    Path routes;

    @ParameterizedTest(name = "in {0}, {2}")
    @CsvSource(delimiter = '|', textBlock = """
            events.yaml   | ref: trackGoalName  | before the event is delivered
            delivery.yaml | ref: collectorAnswer | after the Collector answered
            """)
    void aStepThatHoldsEachEventKeepsEverySenderAnswered(String file, String step, String where) throws Exception {
        EditedRoutes edited = EditedRoutes.copyTo(routes).holdingEachEvent(file, step, HOLD);
        try (CollectorStandIn collector = new CollectorStandIn();
                RunningBridge bridge = RunningBridge.deliveringTo(collector, dataDir,
                        "camel.main.routes-include-pattern", edited.includePattern())) {
            long heldFrom = System.nanoTime();
            assertEquals(200, bridge.post("/segment", "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"alone\"}")
                    .statusCode());
            long held = Duration.ofNanos(System.nanoTime() - heldFrom).toMillis();
            assertTrue(held >= 100, "the edit holds an event 100 ms; one alone took " + held + " ms");

            long started = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> senders = IntStream.range(0, 200)
                    .mapToObj(i -> bridge.postAsync("/segment", "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u-"
                            + i + "\",\"messageId\":\"held-" + i + "\"}"))
                    .toList();
            CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).join();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            for (CompletableFuture<HttpResponse<String>> sender : senders) {
                HttpResponse<String> answer = sender.join();
                assertEquals(200, answer.statusCode(), answer.body());
                assertEquals("delivered", tree(answer.body()).get("outcome").asText());
            }
            Set<String> delivered = collector.received().stream().map(request -> tree(request.body())
                    .at("/units/0/uid").asText()).filter(uid -> uid.startsWith("u-")).collect(Collectors.toSet());
            assertEquals(200, delivered.size());
            assertTrue(took.toMillis() < 5_000, "200 senders answered in " + took.toMillis() + " ms");
        }
    }
}
