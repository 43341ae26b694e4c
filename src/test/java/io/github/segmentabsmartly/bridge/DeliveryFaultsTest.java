package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.CollectorStandIn.Answer.status;
import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn.Received;
import io.github.segmentabsmartly.bridge.support.BridgeUnderTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the sender and the Collector see when the Collector fails, with the default 3 s delivery budget. */
class DeliveryFaultsTest {

    /** An event with a messageId of its own, so that deduplication does not hide one test's event in another. */
    static String event(String messageId) {
        return """
                {"type":"track","event":"Order Completed","userId":"u1","messageId":"%s",
                 "timestamp":"2023-01-01T00:00:00.000Z"}""".formatted(messageId);
    }

    /** One event of a batch at a time, so that the Collector's scripted answers meet the events in order. */
    @RegisterExtension
    static final BridgeUnderTest bridge = BridgeUnderTest.withSettings("bridge.delivery.batch-parallelism", "1");

    @Test
    void transientErrorIsRetriedAndDeliveredOnceWithTheSameBody() throws Exception {
        bridge.collector().answer(status(503), status(502));

        HttpResponse<String> answer = bridge.post("/segment", event("transient"));

        assertEquals(200, answer.statusCode());
        assertEquals("delivered", tree(answer.body()).get("outcome").asText());
        List<Received> attempts = bridge.collector().received();
        assertEquals(3, attempts.size());
        assertEquals(attempts.get(0).body(), attempts.get(2).body());
        assertEquals(attempts.get(0).headers(), attempts.get(2).headers());
    }

    @Test
    void tooManyRequestsWaitsForRetryAfter() throws Exception {
        bridge.collector().answer(status(429).withHeader("Retry-After", "1"));

        HttpResponse<String> answer = bridge.post("/segment", event("too-many"));

        assertEquals(200, answer.statusCode());
        List<Received> attempts = bridge.collector().received();
        assertEquals(2, attempts.size());
        long waitedMillis = Duration.ofNanos(attempts.get(1).atNanos() - attempts.get(0).atNanos()).toMillis();
        assertTrue(waitedMillis >= 950, "waited " + waitedMillis + " ms");
    }

    @Test
    void retryAfterBeyondTheBudgetIsPassedOnToTheSender() throws Exception {
        bridge.collector().answer(status(429).withHeader("Retry-After", "30"));

        HttpResponse<String> answer = bridge.post("/segment", event("long-retry-after"));

        assertEquals(503, answer.statusCode());
        assertEquals("30", answer.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(1, bridge.collector().received().size());
    }

    @Test
    void refusedEventIsTriedOnceAndDeadLettered() throws Exception {
        bridge.collector().answer(status(400).withBody("{\"error\":\"unknown goal\"}"));

        HttpResponse<String> answer = bridge.post("/segment", event("refused"));

        assertEquals(202, answer.statusCode());
        JsonNode body = tree(answer.body());
        assertEquals("dead-lettered", body.get("outcome").asText());
        assertEquals(400, body.get("collectorStatus").asInt());
        // the sender is told what happened; what the Collector said is for the dead letter and the log
        assertEquals("the Collector refused the event (HTTP 400)", body.get("reason").asText());
        assertEquals(1, bridge.collector().received().size());
        JsonNode deadLetter = tree(lastDeadLetter());
        assertEquals("refused", deadLetter.get("messageId").asText());
        assertEquals(400, deadLetter.get("collectorStatus").asInt());
        assertTrue(deadLetter.get("reason").asText().contains("unknown goal"));
        assertEquals(tree(event("refused")), deadLetter.get("event"));
        assertTrue(deadLetter.hasNonNull("time"));
    }

    @Test
    void notImplementedIsNotRetried() throws Exception {
        bridge.collector().answer(status(501));

        HttpResponse<String> answer = bridge.post("/segment", event("not-implemented"));

        assertEquals(202, answer.statusCode());
        assertEquals(1, bridge.collector().received().size());
    }

    @Test
    void rejectedApiKeyAsksTheSenderToRetryAndKeepsACopy() throws Exception {
        bridge.collector().answer(status(401));

        HttpResponse<String> answer = bridge.post("/segment", event("bad-key"));

        assertEquals(503, answer.statusCode());
        assertEquals("5", answer.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(tree(answer.body()).get("reason").asText().contains("API key or environment"));
        assertEquals(1, bridge.collector().received().size());
        JsonNode copy = tree(lastDeadLetter());
        assertEquals("bad-key", copy.get("messageId").asText());
        assertEquals(401, copy.get("collectorStatus").asInt());
    }

    @Test
    void slowCollectorIsGivenUpWithinTheBudget() throws Exception {
        bridge.collector().answer(status(200).after(Duration.ofSeconds(5)), status(200).after(Duration.ofSeconds(5)),
                status(200).after(Duration.ofSeconds(5)), status(200).after(Duration.ofSeconds(5)));
        long start = System.nanoTime();

        HttpResponse<String> answer = bridge.post("/segment", event("slow"));

        long tookMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(503, answer.statusCode());
        assertEquals("no answer from the Collector", tree(answer.body()).get("reason").asText());
        assertTrue(tookMillis < 4500, "answered after " + tookMillis + " ms");
        assertTrue(bridge.collector().received().size() >= 2, "attempts: " + bridge.collector().received().size());
    }

    @Test
    void batchIsJudgedPerEvent() throws Exception {
        // by the goal, not by arrival: the events of a batch are delivered at once
        bridge.collector().injectFaults(body -> body.contains("\"name\":\"B\"") ? status(400) : status(200));

        HttpResponse<String> answer = bridge.post("/v1/batch", """
                {"batch":[{"type":"track","event":"A","userId":"u","messageId":"a"},
                          {"type":"track","event":"B","userId":"u","messageId":"b"},
                          {"type":"track","event":"C","messageId":"c"},
                          {"type":"identify","userId":"u","messageId":"d"},
                          {"type":"track","event":"E","userId":"u","messageId":"e"}]}""");

        assertEquals(200, answer.statusCode());
        JsonNode body = tree(answer.body());
        assertEquals(tree("{\"delivered\":2,\"ignored\":1,\"rejected\":1,\"dead-lettered\":1}"), body.get("counts"));
        assertEquals(List.of("delivered", "dead-lettered", "rejected", "ignored", "delivered"),
                body.get("events").findValuesAsText("outcome"));
        assertEquals(List.of("a", "b", "c", "d", "e"), body.get("events").findValuesAsText("messageId"));
        assertEquals(3, bridge.collector().received().size());
    }

    @Test
    void batchWithAnEventToRetryAnswers503() throws Exception {
        bridge.collector().injectFaults(body -> body.contains("\"name\":\"B\"") ? status(401) : status(200));

        HttpResponse<String> answer = bridge.post("/segment", """
                [{"type":"track","event":"A","userId":"u","messageId":"retry-a"},
                 {"type":"track","event":"B","userId":"u","messageId":"retry-b"}]""");

        assertEquals(503, answer.statusCode());
        assertFalse(tree(answer.body()).get("success").asBoolean());
        assertEquals(List.of("delivered", "retry-later"), tree(answer.body()).get("events").findValuesAsText("outcome"));
    }

    private String lastDeadLetter() throws Exception {
        List<String> lines = bridge.linesIn("dead-letter");
        assertFalse(lines.isEmpty(), "no dead letter written");
        return lines.get(lines.size() - 1);
    }
}
