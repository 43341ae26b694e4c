package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.CollectorStandIn.Answer.status;
import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.segmentabsmartly.bridge.support.BridgeUnderTest;
import io.github.segmentabsmartly.bridge.support.PrometheusText;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn.Received;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** BRIDGE_DELIVERY_COLLECTOR_BATCH: the events of an array or batch go in PUT {endpoint}/context/batch calls. */
class CollectorBatchTest {

    @RegisterExtension
    static final BridgeUnderTest bridge = BridgeUnderTest.withSettings("bridge.delivery.collector-batch", "true");

    static String track(String name, String messageId) {
        return """
                {"type":"track","event":"%s","userId":"u1","messageId":"%s","timestamp":"2023-01-01T00:00:00.000Z"}"""
                .formatted(name, messageId);
    }

    static String batch(String... events) {
        return "{\"batch\":[" + String.join(",", events) + "]}";
    }

    static List<String> outcomes(HttpResponse<String> answer) {
        return tree(answer.body()).get("events").findValuesAsText("outcome");
    }

    static List<String> goalsIn(Received request) {
        JsonNode body = tree(request.body());
        JsonNode publishBodies = body.has("requests") ? body.get("requests") : tree("[" + request.body() + "]");
        return publishBodies.findValuesAsText("name");
    }

    @Test
    void theEventsOfABatchGoInOneCallWithPerEventOutcomes() throws Exception {
        HttpResponse<String> answer = bridge.post("/v1/batch", batch(track("A", "one-a"),
                "{\"type\":\"identify\",\"userId\":\"u1\",\"messageId\":\"one-i\"}", track("B", "one-b"),
                "{\"type\":\"track\",\"userId\":\"u1\",\"messageId\":\"one-x\"}", track("C", "one-c")));

        assertEquals(200, answer.statusCode());
        assertEquals(List.of("delivered", "ignored", "delivered", "rejected", "delivered"), outcomes(answer));
        Received call = bridge.onlyRequest();
        assertEquals("PUT", call.method());
        assertEquals("/v1/context/batch", call.path());
        assertEquals(List.of("A", "B", "C"), goalsIn(call));
        JsonNode first = tree(call.body()).get("requests").get(0);
        assertEquals(tree("""
                {"historic":true,"publishedAt":1672531200000,"units":[{"type":"userId","uid":"u1"}],
                 "goals":[{"name":"A","achievedAt":1672531200000,"properties":null}]}"""), first);
        assertEquals(RunningBridge.API_KEY, call.headers().get("x-api-key"));
        assertEquals("segment", call.headers().get("x-agent"));
    }

    @Test
    void aBatchCallIsTimedApartFromTheCallsOfSingleEvents() throws Exception {
        PrometheusText before = scrape();

        HttpResponse<String> answer = bridge.post("/v1/batch", batch(track("A", "timed-a"), track("B", "timed-b")));

        assertEquals(List.of("delivered", "delivered"), outcomes(answer));
        PrometheusText after = scrape();
        assertEquals(1, after.value("bridge_collector_batch_request_seconds_count", "outcome", "success")
                - before.value("bridge_collector_batch_request_seconds_count", "outcome", "success"), 1e-9);
        assertEquals(before.value("bridge_collector_request_seconds_count", "outcome", "success"),
                after.value("bridge_collector_request_seconds_count", "outcome", "success"), 1e-9);
    }

    static PrometheusText scrape() throws Exception {
        HttpResponse<String> answer = bridge.management("/observe/metrics");
        assertEquals(200, answer.statusCode(), answer.body());
        return PrometheusText.parse(answer.body());
    }

    @Test
    void eventsThatGoWithOtherHeadersGoInACallOfTheirOwn() throws Exception {
        String fromIos = """
                {"type":"track","event":"I","userId":"u1","messageId":"agents-i","context":{"library":{"name":"analytics-ios"}}}""";

        HttpResponse<String> answer = bridge.post("/v1/batch", batch(track("A", "agents-a"), fromIos, track("B", "agents-b")));

        assertEquals(List.of("delivered", "delivered", "delivered"), outcomes(answer));
        Map<String, List<String>> goalsByAgent = bridge.collector().received().stream()
                .collect(Collectors.toMap(call -> call.headers().get("x-agent"), CollectorBatchTest::goalsIn));
        assertEquals(Map.of("segment", List.of("A", "B"), "analytics-ios", List.of("I")), goalsByAgent);
    }

    @Test
    void aRefusedBatchCallSendsEachEventOnItsOwn() throws Exception {
        // the batch call is refused; then B alone is refused for good, and the others are accepted
        bridge.collector().injectFaults(body -> body.startsWith("{\"requests\"") ? status(400)
                : body.contains("\"name\":\"B\"") ? status(400) : status(200));

        HttpResponse<String> answer = bridge.post("/v1/batch", batch(track("A", "refused-a"), track("B", "refused-b"),
                track("C", "refused-c")));

        assertEquals(200, answer.statusCode());
        assertEquals(List.of("delivered", "dead-lettered", "delivered"), outcomes(answer));
        List<Received> calls = bridge.collector().received();
        assertEquals("/v1/context/batch", calls.get(0).path());
        assertEquals(List.of("/v1/context", "/v1/context", "/v1/context"),
                calls.subList(1, calls.size()).stream().map(Received::path).toList());
        List<String> deadLetters = bridge.linesIn("dead-letter");
        assertEquals(1, deadLetters.size());
        assertTrue(deadLetters.get(0).contains("refused-b"), deadLetters.get(0));
    }

    /** Of two calls, one accepted and one not: the events of the first are delivered by it, only the other's go alone. */
    @Test
    void onlyTheEventsOfAFailedCallAreSentOnTheirOwn() throws Exception {
        String fromIos = """
                {"type":"track","event":"I","userId":"u1","messageId":"half-i","context":{"library":{"name":"analytics-ios"}}}""";
        bridge.collector().injectFaults(body -> body.startsWith("{\"requests\"") && body.contains("\"name\":\"I\"")
                ? status(503) : status(200));

        HttpResponse<String> answer = bridge.post("/v1/batch", batch(track("A", "half-a"), fromIos, track("B", "half-b")));

        assertEquals(List.of("delivered", "delivered", "delivered"), outcomes(answer));
        List<Received> alone = bridge.collector().received().stream()
                .filter(call -> call.path().equals("/v1/context")).toList();
        assertEquals(List.of(List.of("I")), alone.stream().map(CollectorBatchTest::goalsIn).toList());
        assertEquals(3, bridge.collector().received().size(), "two batch calls and I on its own");
    }

    @Test
    void aBatchCallWithNoAnswerLeavesEachEventItsOwnRetries() throws Exception {
        bridge.collector().answer(status(503), status(503));

        HttpResponse<String> answer = bridge.post("/v1/batch", batch(track("A", "down-a"), track("B", "down-b")));

        assertEquals(List.of("delivered", "delivered"), outcomes(answer));
        assertEquals(List.of("A", "B"), bridge.collector().received().stream()
                .filter(Received::accepted).flatMap(call -> goalsIn(call).stream()).sorted().toList());
    }

    @Test
    void aResentBatchIsDuplicatesAndNoCall() throws Exception {
        String body = batch(track("A", "again-a"), track("B", "again-b"));
        bridge.post("/v1/batch", body);
        bridge.collector().reset();

        HttpResponse<String> again = bridge.post("/v1/batch", body);

        assertEquals(List.of("duplicate", "duplicate"), outcomes(again));
        assertEquals(List.of(), bridge.collector().received());
    }

    @Test
    void aSingleEventIsSentOnItsOwn() throws Exception {
        bridge.post("/segment", track("A", "single-a"));

        assertEquals("/v1/context", bridge.onlyRequest().path());
    }

    @Test
    void aCallCarriesAtMost500Events() throws Exception {
        String events = IntStream.range(0, 501).mapToObj(i -> track("G" + i, "many-" + i))
                .collect(Collectors.joining(","));

        HttpResponse<String> answer = bridge.post("/v1/batch", "{\"batch\":[" + events + "]}");

        assertEquals(501, tree(answer.body()).get("counts").get("delivered").asInt());
        // the larger call first, whatever order the calls came in
        List<List<String>> calls = bridge.collector().received().stream().map(CollectorBatchTest::goalsIn)
                .sorted((one, other) -> other.size() - one.size()).toList();
        assertEquals(List.of(500, 1), calls.stream().map(List::size).toList());
        assertEquals("G0", calls.get(0).get(0));
        assertEquals(List.of("G500"), calls.get(1));
    }
}
