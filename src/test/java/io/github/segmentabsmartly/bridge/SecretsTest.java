package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.CollectorStandIn.Answer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.segmentabsmartly.bridge.support.ChildBridge;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn;
import io.github.segmentabsmartly.bridge.support.Json;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
            collector.answerAuthChecks(status(401));
            assertEquals(503, bridge.management("/observe/health/ready").statusCode());
            answers.add(bridge.management("/observe/health/ready?exposureLevel=full&data=true&stackTrace=true"));
            answers.add(bridge.management("/observe/metrics"));
            assertTrue(collector.authChecks().stream()
                    .allMatch(request -> RunningBridge.API_KEY.equals(request.headers().get("x-api-key"))));
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
        assertTrue(log.contains("Not ready: the Collector answered HTTP 401"), "the readiness check logged nothing");
        assertFalse(log.contains(RunningBridge.API_KEY), "the API key is in " + TEST_LOG);
    }

    /**
     * The log configuration shipped in the jar as it starts by default (BRIDGE_LOG_FORMAT unset): text lines, the
     * bridge's own loggers at BRIDGE_LOG_LEVEL, and none holds the key.
     */
    @Test
    void shippedLogConfigurationWritesTextLinesByDefault() throws Exception {
        Path log = dataDir.resolve("stdout.log");
        try (CollectorStandIn collector = new CollectorStandIn();
                ChildBridge bridge = ChildBridge.start(atDebug(collector), log)) {
            collector.answer(status(200));
            assertEquals(200, bridge.postWhenUp("/segment",
                    "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"messageId\":\"m-1\"}").statusCode());
            bridge.process().destroy();
            assertEquals(0, bridge.process().waitFor(), "exit status");
        }

        List<String> lines = Files.readAllLines(log);
        for (String line : lines) {
            assertFalse(line.contains(RunningBridge.API_KEY), "the API key is in the log: " + line);
        }
        Pattern textLine = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (DEBUG|INFO|WARN|ERROR) +\\[[^\\]]+] \\S+ - .*");
        assertTrue(lines.stream().anyMatch(line -> textLine.matcher(line).matches()
                && line.endsWith("outcomes - delivered event 0 (messageId m-1)")), "no DEBUG text line per event");
        assertTrue(lines.stream().filter(line -> line.contains("Apache Camel")).allMatch(
                line -> textLine.matcher(line).matches()), "Camel's lines are not in the text layout");
    }

    /**
     * The log configuration shipped in the jar, with JSON logs for a log shipper and, to leave nothing out,
     * every logger at DEBUG that it does not hold back: every line is one JSON object, and none holds the key.
     */
    @Test
    void shippedLogConfigurationWritesJsonLinesWithoutTheApiKeyEvenAtDebug() throws Exception {
        String shipped = Files.readString(Path.of("src", "main", "resources", "log4j2.properties"));
        assertTrue(shipped.contains("rootLogger.level = INFO"), shipped);
        Path everythingAtDebug = dataDir.resolve("log4j2-debug.properties");
        Files.writeString(everythingAtDebug, shipped.replace("rootLogger.level = INFO", "rootLogger.level = DEBUG"));
        Path log = dataDir.resolve("stdout.log");
        try (CollectorStandIn collector = new CollectorStandIn();
                ChildBridge bridge = ChildBridge.start(atDebug(collector, "BRIDGE_LOG_FORMAT", "json"), log,
                        everythingAtDebug.toString())) {
            collector.answer(status(200), status(401));
            collector.answerAuthChecks(status(401));
            String event = "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"messageId\":\"m-%d\"}";
            bridge.awaitLive();
            assertEquals(200, bridge.postWhenUp("/segment", event.formatted(1)).statusCode());
            assertEquals(503, bridge.postWhenUp("/segment", event.formatted(2)).statusCode());
            assertEquals(503, bridge.management("/observe/health/ready").statusCode());
            bridge.process().destroy();
            assertEquals(0, bridge.process().waitFor(), "exit status");
        }

        List<String> lines = Files.readAllLines(log);
        List<JsonNode> entries = new ArrayList<>();
        for (String line : lines) {
            assertFalse(line.contains(RunningBridge.API_KEY), "the API key is in the log: " + line);
            JsonNode entry = Json.tree(line);
            assertTrue(entry.isObject() && entry.has("@timestamp") && entry.has("log.level")
                    && entry.has("log.logger") && entry.has("message"), line);
            entries.add(entry);
        }
        assertTrue(entries.stream().anyMatch(entry -> entry.get("log.level").asText().equals("DEBUG")
                && entry.get("message").asText().equals("delivered event 0 (messageId m-1)")),
                "no DEBUG line per event");
        assertTrue(entries.stream().anyMatch(entry -> entry.get("log.level").asText().equals("WARN")
                && entry.get("message").asText().startsWith("retry-later event 0 (messageId m-2): the Collector"
                        + " rejected the bridge's API key")), "no WARN line for the problem");
        assertTrue(entries.stream().anyMatch(entry -> entry.get("log.logger").asText().equals("bridge.health")
                && entry.get("message").asText().contains("API key or environment rejected")));
    }

    /** A child bridge's settings: delivering to the stand-in with the test's key, the bridge's loggers at DEBUG. */
    private Map<String, String> atDebug(CollectorStandIn collector, String... more) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "ABSMARTLY_COLLECTOR_ENDPOINT", collector.endpoint(),
                "ABSMARTLY_API_KEY", RunningBridge.API_KEY,
                "ABSMARTLY_ENVIRONMENT", "production",
                "BRIDGE_DATA_DIR", dataDir.resolve("data").toString(),
                "BRIDGE_LOG_LEVEL", "DEBUG"));
        for (int i = 0; i < more.length; i += 2) {
            environment.put(more[i], more[i + 1]);
        }
        return environment;
    }
}
