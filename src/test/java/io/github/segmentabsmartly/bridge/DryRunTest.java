package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no Collector endpoint, each request the bridge would send is written to the outbox. */
class DryRunTest {

    @TempDir
    static Path dataDir;
    static RunningBridge bridge;

    @BeforeAll
    static void start() throws Exception {
        bridge = RunningBridge.dryRun(dataDir, "absmartly.api-key", RunningBridge.API_KEY,
                "absmartly.environment", "staging");
    }

    @AfterAll
    static void stop() throws Exception {
        bridge.close();
    }

    @Test
    void collectorRequestIsWrittenToTheOutboxWithoutTheApiKey() throws Exception {
        String event = """
                {"type":"track","event":"Order Completed","userId":"123","messageId":"m-9",
                 "timestamp":"2023-01-01T00:00:00.000Z","context":{"library":{"name":"analytics.js"}}}""";

        HttpResponse<String> answer = bridge.post("/segment", event);

        assertEquals(200, answer.statusCode());
        assertEquals("dry-run", tree(answer.body()).get("outcome").asText());
        List<String> lines = bridge.linesIn("outbox");
        assertEquals(1, lines.size());
        JsonNode line = tree(lines.get(0));
        assertEquals("m-9", line.get("messageId").asText());
        assertEquals("PUT", line.get("method").asText());
        assertEquals("/context", line.get("path").asText());
        assertEquals(tree("""
                {"Content-Type":"application/json","X-Environment":"staging","X-Agent":"analytics.js"}"""),
                line.get("headers"));
        assertEquals(tree("""
                {"historic":true,"publishedAt":1672531200000,"units":[{"type":"userId","uid":"123"}],
                 "goals":[{"name":"Order Completed","achievedAt":1672531200000,"properties":null}]}"""),
                line.get("body"));
        assertEquals(tree(event), line.get("event"));
        assertFalse(lines.get(0).contains(RunningBridge.API_KEY));
    }

    @Test
    void anOutboxThatCannotBeWrittenAsksTheSenderToSendAgainAndSaysWhy(@TempDir Path blockedDataDir)
            throws Exception {
        Path outbox = Files.writeString(blockedDataDir.resolve("outbox"), "a file where the folder should be");
        try (RunningBridge blocked = RunningBridge.dryRun(blockedDataDir)) {
            HttpResponse<String> answer = blocked.post("/segment",
                    "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"messageId\":\"m-1\"}");

            assertEquals(503, answer.statusCode(), answer.body());
            JsonNode body = tree(answer.body());
            assertEquals("retry-later", body.get("outcome").asText());
            // the sender is told what, the log why: which file, and what the system said
            assertEquals("the bridge could not keep the event on disk: send it again", body.get("reason").asText());
            assertTrue(Files.readString(SecretsTest.TEST_LOG).lines().anyMatch(line -> line.contains("messageId m-1")
                    && line.contains("could not write " + outbox.resolve("outbox-")) && line.endsWith(".jsonl: Not a directory")));
        }
    }

    @Test
    void openIngestIsCalledOutAtStart() throws Exception {
        assertTrue(Files.readString(Path.of("target", "test-logs", "bridge.log"))
                .contains("open ingest: anyone who can reach this port can send events"));
    }

    @Test
    void readyAndSaysItIsADryRun() throws Exception {
        HttpResponse<String> ready = bridge.managementWhen(HealthTest.READY_IN_FULL, 200);

        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals("dry run: ABSMARTLY_COLLECTOR_ENDPOINT is not set, so nothing is sent to ABsmartly; events are"
                + " written to the outbox", HealthTest.check(ready, "collector").get("message").asText());
    }
}
