package io.github.segmentabsmartly.bridge;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.segmentabsmartly.bridge.support.BridgeUnderTest;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn;
import io.github.segmentabsmartly.bridge.support.Eventually;
import io.github.segmentabsmartly.bridge.support.EditedRoutes;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sender's answer says its length (Content-Length), as Segment's own API does, rather than coming in chunks:
 * less to write and to parse for every request. (The tests' client talks HTTP/1.1, as senders do: in HTTP/2 every
 * frame carries its length.)
 */
class AnswerLengthTest {

    @RegisterExtension
    static final BridgeUnderTest bridge = BridgeUnderTest.withSettings();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "delivered event  | 200 | /segment  | {\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\"}",
        "batch            | 200 | /v1/batch | {\"batch\":[{\"type\":\"track\",\"event\":\"E\",\"userId\":\"ü\"}]}",
        "malformed JSON   | 400 | /segment  | {\"type\":"})
    void answerHasAContentLength(String what, int status, String path, String body) throws Exception {
        assertFramedByItsLength(status, bridge.post(path, body));
    }

    /** A dry run, whose Collector route writes the outbox file instead, answers the same way. */
    @Test
    void answerFromAWorkerThreadHasAContentLength(@TempDir Path dataDir) throws Exception {
        try (RunningBridge dryRun = RunningBridge.dryRun(dataDir)) {
            String track = "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\"}";
            assertFramedByItsLength(200, dryRun.post("/segment", track));
            assertFramedByItsLength(400, dryRun.post("/segment", "{\"type\":"));
        }
    }

    private static void assertFramedByItsLength(int status, HttpResponse<String> answer) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(String.valueOf(answer.body().getBytes(UTF_8).length),
                answer.headers().firstValue("Content-Length").orElse("none"));
        assertFalse(answer.headers().firstValue("Transfer-Encoding").isPresent(), answer.headers().toString());
    }

    /**
     * The answer is written from its bytes, which reading uses up; what runs once it is written (here a user's
     * onCompletion logging it) still finds the answer as the route left it.
     */
    @Test
    void whatRunsAfterTheWriteStillSeesTheAnswer(@TempDir Path dataDir, @TempDir Path routes) throws Exception {
        String run = "answer-" + System.nanoTime();
        EditedRoutes edited = EditedRoutes.copyTo(routes).replace("ingest.yaml",
                "      steps:\n        - to: direct:ingest",
                "      steps:\n        - onCompletion:\n            steps:\n              - log: \"" + run + " written: ${body}\"\n"
                        + "        - to: direct:ingest");
        try (CollectorStandIn collector = new CollectorStandIn();
                RunningBridge bridgeWithTheEdit = RunningBridge.deliveringTo(collector, dataDir,
                        "camel.main.routes-include-pattern", edited.includePattern())) {
            HttpResponse<String> answer =
                    bridgeWithTheEdit.post("/segment", "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\"}");

            assertEquals(200, answer.statusCode(), answer.body());
            String logged = run + " written: " + answer.body();
            Eventually.waitUntil(logged + " in " + SecretsTest.TEST_LOG,
                    () -> Files.readString(SecretsTest.TEST_LOG).contains(logged));
        }
    }
}
