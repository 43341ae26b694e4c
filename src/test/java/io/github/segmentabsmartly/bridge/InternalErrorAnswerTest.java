package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.segmentabsmartly.bridge.support.ChildBridge;
import io.github.segmentabsmartly.bridge.support.EditedRoutes;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request that fails inside the bridge (a bug, an edit gone wrong) is still answered in the bridge's JSON: 500,
 * which Segment and its libraries send again, with a reason that names no internals. An event that fails so is
 * to be sent again, alone (routed without a split), in a batch (split) or handed to direct:absmartly-sink.
 */
class InternalErrorAnswerTest {

    private static final String TRACK_EVENT =
            "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"messageId\":\"m-1\"}";

    @TempDir
    Path dataDir;
    @TempDir
    Path routes;

    @ParameterizedTest
    @CsvSource({"/segment", "/v1/track"})
    void aRequestThatFailsInsideTheBridgeIsAnswered500InJson(String path) throws Exception {
        EditedRoutes edited = EditedRoutes.copyTo(routes).failingAt("ingest.yaml", "segmentRequestReader");
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

    @ParameterizedTest
    @ValueSource(strings = {"%s", "[%s]"})
    void anEventThatFailsInsideTheBridgeIsToBeSentAgainAndItsMessageIdIsNotKept(String request) throws Exception {
        try (RunningBridge bridge = failingAtTrackEvents("")) {
            // the resend fails the same way, rather than being acknowledged as a duplicate
            for (int sent = 1; sent <= 2; sent++) {
                HttpResponse<String> answer = bridge.post("/segment", request.formatted(TRACK_EVENT));

                assertEquals(503, answer.statusCode(), answer.body());
                JsonNode outcome = request.startsWith("[") ? tree(answer.body()).get("events").get(0)
                        : tree(answer.body());
                assertEquals("retry-later", outcome.get("outcome").asText(), answer.body());
                assertEquals("m-1", outcome.get("messageId").asText(), answer.body());
                assertTrue(outcome.get("reason").asText().startsWith("internal error: "), answer.body());
            }
        }
    }

    /** The same through direct:absmartly-sink: the caller is failed, to keep the event, and can send it again. */
    @Test
    void anEventHandedToTheSinkThatFailsInsideTheBridgeFailsItsCallerAndItsMessageIdIsNotKept() throws Exception {
        try (RunningBridge bridge = failingAtTrackEvents(",classpath:test-routes/sink-caller.yaml")) {
            for (int sent = 1; sent <= 2; sent++) {
                HttpResponse<String> answer = bridge.post("/test/sink", TRACK_EVENT);

                assertEquals(200, answer.statusCode(), answer.body());
                assertEquals("not delivered", answer.body());
            }
        }
    }

    /**
     * With the shipped log configuration, a burst of such events writes a WARN line each, but Camel's ERROR with its
     * stack trace only for the first ten: a route edit gone wrong under load does not flood the log.
     */
    @Test
    void aBurstOfEventsThatFailInsideTheBridgeWritesALineEachButTenStackTraces() throws Exception {
        EditedRoutes edited = EditedRoutes.copyTo(routes).failingAt("events.yaml", "trackGoalName");
        Path log = dataDir.resolve("stdout.log");
        try (ChildBridge bridge = ChildBridge.start(Map.of("BRIDGE_DATA_DIR", dataDir.resolve("data").toString(),
                "CAMEL_MAIN_ROUTESINCLUDEPATTERN", edited.includePattern()), log)) {
            bridge.awaitLive();
            String batch = IntStream.range(0, 50).mapToObj(seq -> TRACK_EVENT.replace("m-1", "m-" + seq))
                    .collect(Collectors.joining(",", "[", "]"));

            assertEquals(503, bridge.postWhenUp("/segment", batch).statusCode());
            bridge.process().destroy();
            bridge.process().waitFor();
        }

        List<String> lines = Files.readAllLines(log);
        assertEquals(50, lines.stream().filter(line -> line.contains("WARN") && line.contains("internal error")).count());
        long stackTraces = lines.stream().filter(line -> line.contains("ERROR") && line.contains("DefaultErrorHandler"))
                .count();
        // ten at once, and one more for each second the batch took
        assertTrue(stackTraces >= 10 && stackTraces <= 15, stackTraces + " of Camel's ERROR lines");
    }

    /** A dry-run bridge whose track events fail inside it (an edit gone wrong), with more routes if given. */
    private RunningBridge failingAtTrackEvents(String moreRoutes) throws Exception {
        EditedRoutes edited = EditedRoutes.copyTo(routes).failingAt("events.yaml", "trackGoalName");
        return RunningBridge.dryRun(dataDir, "camel.main.routes-include-pattern", edited.includePattern() + moreRoutes);
    }
}
