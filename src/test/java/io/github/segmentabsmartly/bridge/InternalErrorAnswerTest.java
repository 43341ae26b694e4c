package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.segmentabsmartly.bridge.support.EditedRoutes;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A request that fails inside the bridge (a bug, an edit gone wrong) is still answered in the bridge's JSON: 500,
 * which Segment and its libraries send again, with a reason that names no internals.
 */
class InternalErrorAnswerTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path routes;

    @ParameterizedTest
    @CsvSource({"/segment", "/v1/track"})
    void aRequestThatFailsInsideTheBridgeIsAnswered500InJson(String path) throws Exception {
        EditedRoutes edited = EditedRoutes.copyTo(routes).failingAt("ingest.yaml", "deliveryClock");
        try (RunningBridge bridge = RunningBridge.dryRun(dataDir,
                "camel.main.routes-include-pattern", edited.includePattern())) {

            HttpResponse<String> answer = bridge.post(path, "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\"}");

            assertEquals(500, answer.statusCode(), answer.body());
            assertEquals("application/json", answer.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(false, tree(answer.body()).get("success").asBoolean());
            assertEquals("internal error: the bridge logged it; send the request again",
                    tree(answer.body()).get("error").asText());
            assertFalse(answer.body().contains("an edit gone wrong"), answer.body());
        }
    }
}
