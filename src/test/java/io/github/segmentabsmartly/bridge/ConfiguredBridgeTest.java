package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.support.CollectorStandIn.Received;
import io.github.segmentabsmartly.bridge.support.BridgeUnderTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The non-default settings: client timestamps, an application and agent, a slug page-goal format, a unit
 * mapping on nested traits, and exposure tracking left off.
 */
class ConfiguredBridgeTest {

    @RegisterExtension
    static final BridgeUnderTest bridge = BridgeUnderTest.withSettings(
            "absmartly.timestamps", "client",
            "absmartly.application", " website ",
            "absmartly.application-version", "1042",
            "absmartly.agent", "segment-absmartly-bridge",
            "absmartly.enable-page-view-tracking", "true",
            "absmartly.page-goal-format", "{slug}_pageview",
            "absmartly.unit-mapping", "userId=user_id, traits.email=email, context.traits.email=email,"
                    + " properties.account_id=account");

    @Test
    void clientModeSendsSentAtAndOriginalTimestampWithoutHistoric() throws Exception {
        bridge.post("/segment", """
                {"type":"track","event":"Signed Up","userId":"u1","timestamp":"2023-01-01T00:00:00.000Z",
                 "sentAt":"2023-01-01T00:00:05.000Z","originalTimestamp":"2023-01-01T00:00:01.000+00:00"}""");

        assertEquals(tree("""
                {"publishedAt":1672531205000,"units":[{"type":"user_id","uid":"u1"}],
                 "goals":[{"name":"Signed Up","achievedAt":1672531201000,"properties":null}]}"""),
                tree(bridge.onlyRequest().body()));
    }

    @Test
    void clientModeFallsBackToTheEventTime() throws Exception {
        bridge.post("/segment", """
                {"type":"track","event":"E","userId":"u1","timestamp":"2023-01-01T02:00:00+02:00"}""");

        assertEquals(tree("""
                {"publishedAt":1672531200000,"units":[{"type":"user_id","uid":"u1"}],
                 "goals":[{"name":"E","achievedAt":1672531200000,"properties":null}]}"""),
                tree(bridge.onlyRequest().body()));
    }

    @Test
    void applicationAndAgentHeadersComeFromTheSettings() throws Exception {
        bridge.post("/segment", """
                {"type":"track","event":"E","userId":"u1","context":{"library":{"name":"analytics.js"}}}""");

        Received request = bridge.onlyRequest();
        assertEquals("website", request.headers().get("x-application"));
        assertEquals("1042", request.headers().get("x-application-version"));
        assertEquals("segment-absmartly-bridge", request.headers().get("x-agent"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Home Page | home_page_pageview",
        "Pricing & Plans! | pricing_plans__pageview"})
    void slugFormatNamesPageGoals(String name, String goal) throws Exception {
        bridge.post("/segment", "{\"type\":\"page\",\"userId\":\"u\",\"name\":\"" + name + "\"}");

        assertEquals(goal, tree(bridge.onlyRequest().body()).at("/goals/0/name").asText());
    }

    @Test
    void unitMappingReadsNestedPathsInOrder() throws Exception {
        bridge.post("/segment", """
                {"type":"track","event":"E","userId":"u1","context":{"traits":{"email":"a@b.c"}},
                 "properties":{"account_id":42}}""");

        assertEquals(tree("""
                [{"type":"user_id","uid":"u1"},{"type":"email","uid":"a@b.c"},{"type":"account","uid":"42"}]"""),
                tree(bridge.onlyRequest().body()).get("units"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"track\",\"event\":\"Experiment Viewed\",\"userId\":\"u\",\"properties\":{\"exposure\":{}}}",
        "{\"type\":\"group\",\"userId\":\"u\",\"traits\":{\"absmartly\":{}}}"})
    void exposuresAreIgnoredWhileExposureTrackingIsOffAndNeverBecomeGoals(String event) throws Exception {
        HttpResponse<String> answer = bridge.post("/segment", event);

        assertEquals(200, answer.statusCode());
        assertEquals("ignored", tree(answer.body()).get("outcome").asText());
        assertTrue(tree(answer.body()).get("reason").asText().contains("ABSMARTLY_ENABLE_EXPOSURE_TRACKING"));
        assertTrue(bridge.collector().received().isEmpty());
    }

    @Test
    void screensAreIgnoredWhileScreenTrackingIsOff() throws Exception {
        HttpResponse<String> answer = bridge.post("/segment", "{\"type\":\"screen\",\"name\":\"Home\",\"userId\":\"u\"}");

        assertEquals(200, answer.statusCode());
        assertEquals("ignored", tree(answer.body()).get("outcome").asText());
        assertTrue(bridge.collector().received().isEmpty());
    }
}
