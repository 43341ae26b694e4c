package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.segmentabsmartly.bridge.support.CollectorStandIn;
import io.github.segmentabsmartly.bridge.support.EditedRoutes;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * BRIDGE_DELIVERY_COLLECTOR_BATCH with a batch-call route that fails outright (an edit gone wrong, say): the
 * held events are not lost. Their sender is asked to send them again, and the resend is not taken for a duplicate.
 */
class CollectorBatchRouteFailureTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path routes;

    /**
     * Failing at the batch call, no held event was delivered: the resend is. Failing after it, the Collector had
     * taken them: the resend is a duplicate, and the Collector still has each once.
     */
    @ParameterizedTest(name = "failing at {0}: the resend is {1}")
    @CsvSource({"collectorBatchCalls, delivered", "heldOutcomes, duplicate"})
    void heldEventsOfAFailedBatchCallRouteAreNeitherLostNorDoubled(String failingStep, String resendOutcome)
            throws Exception {
        EditedRoutes edited = EditedRoutes.copyTo(routes).failingAt("delivery.yaml", failingStep);
        String event = CollectorBatchTest.track("A", "held-a");
        try (CollectorStandIn collector = new CollectorStandIn();
                RunningBridge bridge = RunningBridge.deliveringTo(collector, dataDir,
                        "bridge.delivery.collector-batch", "true",
                        "camel.main.routes-include-pattern", edited.includePattern())) {

            HttpResponse<String> failed = bridge.post("/v1/batch", CollectorBatchTest.batch(event,
                    CollectorBatchTest.track("B", "held-b")));
            // the same event again, alone: a single event does not wait for a batch call
            HttpResponse<String> resent = bridge.post("/segment", event);

            assertEquals(503, failed.statusCode(), failed.body());
            assertEquals(List.of("retry-later", "retry-later"), CollectorBatchTest.outcomes(failed));
            assertEquals(resendOutcome, tree(resent.body()).get("outcome").asText(), resent.body());
            assertEquals(1, collector.received().size());
        }
    }
}
