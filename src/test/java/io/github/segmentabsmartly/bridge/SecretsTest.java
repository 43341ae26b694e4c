package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.CollectorStandIn.Answer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.support.CollectorStandIn;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API key reaches the Collector and nothing else: not the sender, not the logs, not the files. */
class SecretsTest {

    static final Path TEST_LOG = Path.of("target", "test-logs", "bridge.log");

    @TempDir
    Path dataDir;

    @Test
    void apiKeyAppearsNowhereButInTheCollectorRequest() throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        try (CollectorStandIn collector = new CollectorStandIn();
                RunningBridge bridge = RunningBridge.deliveringTo(collector, dataDir)) {
            collector.answer(status(401), status(403), status(400).withBody("{\"error\":\"bad\"}"), status(503),
                    status(503), status(503), status(503), status(503), status(503), status(503), status(503));
            for (int i = 0; i < 4; i++) {
                answers.add(bridge.post("/segment", "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\"}"));
            }
            answers.add(bridge.post("/segment", "{not json"));
            assertEquals(List.of(503, 503, 202, 503, 400), answers.stream().map(HttpResponse::statusCode).toList());
            assertTrue(collector.received().stream()
                    .allMatch(request -> RunningBridge.API_KEY.equals(request.headers().get("x-api-key"))));
            assertFalse(bridge.linesIn("dead-letter").isEmpty());
            for (String line : bridge.linesIn("dead-letter")) {
                assertFalse(line.contains(RunningBridge.API_KEY), line);
            }
        }
        for (HttpResponse<String> answer : answers) {
            assertFalse(answer.body().contains(RunningBridge.API_KEY), answer.body());
            assertFalse(answer.headers().toString().contains(RunningBridge.API_KEY), answer.headers().toString());
        }
        String log = Files.readString(TEST_LOG);
        assertTrue(log.contains("the Collector rejected the bridge's API key"), "the test log is not being written");
        assertFalse(log.contains(RunningBridge.API_KEY), "the API key is in " + TEST_LOG);
    }
}
