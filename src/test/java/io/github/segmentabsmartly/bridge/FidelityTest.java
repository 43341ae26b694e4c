package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.support.BridgeUnderTest;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn.Answer;
import io.github.segmentabsmartly.bridge.support.PrometheusText;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the hosted integrations and Segment's own ingest do, through HTTP to a Collector stand-in: group exposures,
 * the integrations object, the Tracking API's correction of the device's clock, the Collector's warnings, and goal
 * names with a comma or an equals sign.
 */
class FidelityTest {

    static final String EXPOSURE = """
            {"publishedAt":1602531300000,"units":[{"type":"anonymousId","uid":"anon-1"}],
             "exposures":[{"id":10,"name":"test_experiment","assigned":true,"exposedAt":1602531200000}]}""";

    @RegisterExtension
    static final BridgeUnderTest bridge = BridgeUnderTest.withSettings(
            "absmartly.enable-exposure-tracking", "true",
            "absmartly.integration-names", "ABsmartly",
            "absmartly.goal-mapping", "{\"Order, Completed\": \"purchase\", \"a=b\": \"c\"}");

    @ParameterizedTest(name = "traits.{0}")
    @CsvSource({"absmartly", "exposure"})
    void aGroupCarryingAnExposurePayloadBecomesAnExposure(String key) throws Exception {
        HttpResponse<String> answer = bridge.post("/segment", """
                {"type":"group","groupId":"g","anonymousId":"anon-1","timestamp":"2023-01-01T00:00:00.000Z",
                 "traits":{"%s":%s}}""".formatted(key, EXPOSURE));

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("delivered", tree(answer.body()).get("outcome").asText());
        assertEquals(tree("""
                {"publishedAt":1672531200000,"units":[{"type":"anonymousId","uid":"anon-1"}],
                 "exposures":[{"id":10,"name":"test_experiment","assigned":true,"exposedAt":1672531100000}],
                 "historic":true}"""), tree(bridge.onlyRequest().body()));
    }

    @Test
    void aGroupWithoutAnExposurePayloadIsIgnored() throws Exception {
        HttpResponse<String> answer = bridge.post("/segment",
                "{\"type\":\"group\",\"groupId\":\"g\",\"userId\":\"u\",\"traits\":{\"name\":\"Acme\"}}");

        assertEquals(200, answer.statusCode());
        assertEquals("group calls are not sent to ABsmartly", tree(answer.body()).get("reason").asText());
        assertTrue(bridge.collector().received().isEmpty());
    }

    @Test
    void aGroupWithABadExposurePayloadIsRejectedAsAnExperimentViewedWouldBe() throws Exception {
        HttpResponse<String> answer = bridge.post("/segment",
                "{\"type\":\"group\",\"userId\":\"u\",\"traits\":{\"absmartly\":{\"units\":[]}}}");

        assertEquals(400, answer.statusCode());
        assertTrue(tree(answer.body()).get("error").asText().startsWith("exposure payload: "), answer.body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"AB Smartly":false}
            {"All":false}
            {"All":false,"Mixpanel":true}
            {"ABsmartly":false}
            """)
    void anEventItsIntegrationsObjectKeepsFromABsmartlyIsIgnored(String integrations) throws Exception {
        HttpResponse<String> answer = bridge.post("/segment", "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\","
                + "\"integrations\":" + integrations + "}");

        assertEquals(200, answer.statusCode());
        assertEquals("ignored", tree(answer.body()).get("outcome").asText());
        assertEquals("its integrations object turns AB Smartly off", tree(answer.body()).get("reason").asText());
        assertTrue(bridge.collector().received().isEmpty());
    }

    @Test
    void aBatchsIntegrationsApplyToItsEventsWhoseOwnKeysWin() throws Exception {
        HttpResponse<String> answer = bridge.post("/v1/batch", """
                {"integrations":{"All":false},"batch":[
                 {"type":"track","event":"Kept out","userId":"u"},
                 {"type":"track","event":"Let in","userId":"u","integrations":{"AB Smartly":true}}]}""");

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(List.of("ignored", "delivered"), tree(answer.body()).get("events").findValuesAsText("outcome"));
        assertEquals("Let in", tree(bridge.onlyRequest().body()).at("/goals/0/name").asText());
    }

    /** A phone whose clock runs a day ahead: on /v1 its goal is dated when it happened; /segment's come corrected. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /v1/track | true
            /segment  | false
            """)
    void theTrackingApiCorrectsTheDevicesClock(String path, boolean corrected) throws Exception {
        Instant now = Instant.now();
        Instant aDayAhead = now.plusSeconds(86_400);
        long before = now.toEpochMilli();

        HttpResponse<String> answer = bridge.post(path, """
                {"type":"track","event":"E","userId":"u","timestamp":"%s","sentAt":"%s"}"""
                .formatted(aDayAhead, aDayAhead.plusMillis(100)));

        assertEquals(200, answer.statusCode(), answer.body());
        long achievedAt = tree(bridge.onlyRequest().body()).at("/goals/0/achievedAt").asLong();
        if (corrected) {
            assertTrue(achievedAt >= before - 100 && achievedAt <= System.currentTimeMillis(), "achievedAt " + achievedAt);
        } else {
            assertEquals(aDayAhead.toEpochMilli(), achievedAt);
        }
    }

    @Test
    void theBatchsSentAtCorrectsTheClockOfItsEvents() throws Exception {
        Instant aDayAhead = Instant.now().plusSeconds(86_400);
        long before = System.currentTimeMillis();

        bridge.post("/v1/batch", """
                {"sentAt":"%s","batch":[{"type":"track","event":"E","userId":"u","timestamp":"%s"}]}"""
                .formatted(aDayAhead.plusMillis(100), aDayAhead));

        long achievedAt = tree(bridge.onlyRequest().body()).at("/goals/0/achievedAt").asLong();
        assertTrue(achievedAt >= before - 100 && achievedAt <= System.currentTimeMillis(), "achievedAt " + achievedAt);
    }

    @Test
    void theCollectorsWarningsAreLoggedAndCounted() throws Exception {
        bridge.collector().answer(Answer.status(200).withBody("{\"ok\":true,\"warnings\":[\"unknown goal: purchse\"],"
                + "\"errors\":[\"unknown unit type: mail\"]}"));
        PrometheusText before = MetricsTest.scrape(bridge);

        HttpResponse<String> answer = bridge.post("/segment", "{\"type\":\"track\",\"event\":\"purchse\","
                + "\"userId\":\"u\",\"messageId\":\"warned-1\"}");

        assertEquals("delivered", tree(answer.body()).get("outcome").asText());
        PrometheusText after = MetricsTest.scrape(bridge);
        MetricsTest.assertMoved(1, before, after, "bridge_collector_messages_total", "kind", "warning");
        MetricsTest.assertMoved(1, before, after, "bridge_collector_messages_total", "kind", "error");
        assertTrue(Files.readString(SecretsTest.TEST_LOG).lines().anyMatch(line -> line.contains("WARN")
                && line.contains("warned-1") && line.contains("unknown goal: purchse")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Order, Completed | purchase
            a=b              | c
            Signed Up        | Signed Up
            """)
    void aGoalMappingInJsonMapsNamesWithCommasAndEqualsSigns(String event, String goal) throws Exception {
        bridge.post("/segment", "{\"type\":\"track\",\"event\":\"" + event + "\",\"userId\":\"u\"}");

        assertEquals(goal, tree(bridge.onlyRequest().body()).at("/goals/0/name").asText());
    }
}
