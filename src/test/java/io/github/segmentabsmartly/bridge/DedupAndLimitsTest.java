package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.CollectorStandIn.Answer.status;
import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.support.BridgeUnderTest;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A messageId is delivered once however often it is sent; bodies over the limits are refused with 413. */
class DedupAndLimitsTest {

    /** One event of a batch at a time, so that the Collector's scripted answers meet the events in order. */
    @RegisterExtension
    static final BridgeUnderTest bridge = BridgeUnderTest.withSettings("bridge.delivery.batch-parallelism", "1");

    /** A track whose messageId is also in its properties, where the Collector can see it. */
    static String track(String messageId) {
        return "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"messageId\":\"" + messageId
                + "\",\"properties\":{\"mid\":\"" + messageId + "\"}}";
    }

    /** A track event made larger by a property of {@code padding} characters. */
    static String padded(int padding) {
        return "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"properties\":{\"x\":\""
                + "y".repeat(padding) + "\"}}";
    }

    /** {@code count} of them, comma-separated: the inside of an array. */
    static String paddedEvents(int count, int padding) {
        return IntStream.range(0, count).mapToObj(i -> padded(padding)).collect(Collectors.joining(","));
    }

    @Test
    void batchResentAfter503DeliversEachEventOnce() throws Exception {
        // the events of a batch are delivered at once: the answer goes by event, not by arrival
        AtomicBoolean refusedOnce = new AtomicBoolean();
        bridge.collector().injectFaults(body -> body.contains("resend-2") && refusedOnce.compareAndSet(false, true)
                ? status(401) : status(200));
        String batch = "{\"batch\":[" + track("resend-1") + "," + track("resend-2") + "]}";

        HttpResponse<String> first = bridge.post("/v1/batch", batch);
        HttpResponse<String> second = bridge.post("/v1/batch", batch);

        assertEquals(503, first.statusCode());
        assertEquals(200, second.statusCode());
        assertEquals(List.of("duplicate", "delivered"), tree(second.body()).get("events").findValuesAsText("outcome"));
        assertEquals(List.of("resend-1:200", "resend-2:200", "resend-2:401"), bridge.collector().received().stream()
                .map(request -> tree(request.body()).at("/goals/0/properties/mid").asText() + ":"
                        + request.answeredStatus())
                .sorted()
                .toList());
    }

    @Test
    void duplicateWithinOneBatchIsAcknowledgedNotSent() throws Exception {
        HttpResponse<String> answer = bridge.post("/segment", "[" + track("twice") + "," + track("twice") + "]");

        assertEquals(List.of("delivered", "duplicate"), tree(answer.body()).get("events").findValuesAsText("outcome"));
        assertEquals(1, bridge.collector().received().size());
    }

    @Test
    void eventsWithoutMessageIdAreNeverDeduplicated() throws Exception {
        String event = "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\"}";

        bridge.post("/segment", event);
        bridge.post("/segment", event);

        assertEquals(2, bridge.collector().received().size());
    }

    @Test
    void rejectedEventCanBeSentAgainOnceFixed() throws Exception {
        bridge.post("/segment", "{\"type\":\"track\",\"userId\":\"u\",\"messageId\":\"fixed-later\"}");

        HttpResponse<String> fixed = bridge.post("/segment", track("fixed-later"));

        assertEquals("delivered", tree(fixed.body()).get("outcome").asText());
    }

    @Test
    void singleEventOverTheEventLimitIs413() throws Exception {
        String big = padded(33_000);

        HttpResponse<String> answer = bridge.post("/segment", big);

        assertEquals(413, answer.statusCode());
        assertTrue(tree(answer.body()).get("error").asText().contains("over the limit of 32768 bytes"));
    }

    @Test
    void oversizedEventInABatchIsRejectedAlone() throws Exception {
        String big = padded(33_000);

        HttpResponse<String> answer = bridge.post("/segment", "[" + track("small") + "," + big + "]");

        assertEquals(200, answer.statusCode());
        assertEquals(List.of("delivered", "rejected"), tree(answer.body()).get("events").findValuesAsText("outcome"));
    }

    @Test
    void trackingApiBodyOverItsLimitIs413() throws Exception {
        String events = paddedEvents(40, 13_000);

        HttpResponse<String> answer = bridge.post("/v1/batch", "{\"batch\":[" + events + "]}");

        assertEquals(413, answer.statusCode());
        assertTrue(bridge.collector().received().isEmpty());
    }

    @Test
    void bodyOverTheHttpServersLimitIs413WithItsReason() throws Exception {
        String events = paddedEvents(700, 12_000);

        HttpResponse<String> answer = bridge.post("/segment", "[" + events + "]");

        assertEquals(413, answer.statusCode());
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("the body is over the limit of 8388608 bytes", tree(answer.body()).get("error").asText());
        assertTrue(bridge.collector().received().isEmpty());
        // the sender's mistake, not the bridge's: no ERROR from Vert.x for it
        assertFalse(Files.readString(SecretsTest.TEST_LOG).contains("Unhandled exception in router"));
    }

    /** The same in a dry run with a limit of its own. */
    @Test
    void bodyOverASetLimitIs413WithItsReason(@TempDir Path dataDir) throws Exception {
        try (RunningBridge dryRun = RunningBridge.dryRun(dataDir, "bridge.limits.max-body-bytes", "2000")) {
            HttpResponse<String> answer = dryRun.post("/segment", padded(3000));

            assertEquals(413, answer.statusCode());
            assertEquals("application/json", answer.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("the body is over the limit of 2000 bytes", tree(answer.body()).get("error").asText());
            assertFalse(Files.exists(dataDir.resolve("outbox")));
        }
    }

    @Test
    void batchOverTheEventCountIs413() throws Exception {
        String events = IntStream.range(0, 4001).mapToObj(i -> "{}").collect(Collectors.joining(","));

        HttpResponse<String> answer = bridge.post("/segment", "[" + events + "]");

        assertEquals(413, answer.statusCode());
        assertEquals("the batch has more than 4000 events, the limit", tree(answer.body()).get("error").asText());
    }
}
