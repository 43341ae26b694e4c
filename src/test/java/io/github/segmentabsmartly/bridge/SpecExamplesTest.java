package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.support.CollectorStandIn.Received;
import io.github.segmentabsmartly.bridge.support.BridgeUnderTest;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The examples of the spec (§7) and the rows of its routing table (§2), end to end over HTTP. */
class SpecExamplesTest {

    static final long T = 1672531200000L;

    @RegisterExtension
    static final BridgeUnderTest bridge = BridgeUnderTest.withSettings(
            "absmartly.enable-page-view-tracking", "true",
            "absmartly.enable-screen-view-tracking", "true",
            "absmartly.enable-exposure-tracking", "true",
            "absmartly.goal-mapping", "Signed Up=signup, Checkout Started = checkout");

    @Test
    void trackBecomesAGoalWithTheSpecsHeadersAndBody() throws Exception {
        HttpResponse<String> answer = bridge.post("/segment", """
                {"type":"track","event":"Order Completed","userId":"123","anonymousId":"anon-123",
                 "properties":{"url":"https://example.com"},"timestamp":"2023-01-01T00:00:00.000Z",
                 "context":{"library":{"name":"analytics.js"}}}""");

        assertEquals(200, answer.statusCode());
        assertEquals(tree("{\"success\":true,\"outcome\":\"delivered\"}"), tree(answer.body()));
        Received request = bridge.onlyRequest();
        assertEquals("PUT", request.method());
        assertEquals("/v1/context", request.path());
        assertEquals("application/json", request.headers().get("content-type"));
        assertEquals(RunningBridge.API_KEY, request.headers().get("x-api-key"));
        assertEquals("production", request.headers().get("x-environment"));
        assertEquals("analytics.js", request.headers().get("x-agent"));
        assertFalse(request.headers().containsKey("x-application"));
        assertFalse(request.headers().containsKey("x-application-version"));
        assertEquals(tree("""
                {"historic":true,"publishedAt":1672531200000,"units":[{"type":"anonymousId","uid":"anon-123"},
                {"type":"userId","uid":"123"}],"goals":[{"name":"Order Completed","achievedAt":1672531200000,
                "properties":{"url":"https://example.com"}}]}"""), tree(request.body()));
    }

    @Test
    void pageBecomesAPageGoal() throws Exception {
        HttpResponse<String> answer = bridge.post("/segment", """
                {"type":"page","name":"Home","anonymousId":"a1","properties":{"title":"Home Page"},
                 "timestamp":"2023-01-01T00:00:00.000Z"}""");

        assertEquals(200, answer.statusCode());
        assertEquals(tree("""
                {"historic":true,"publishedAt":%d,"units":[{"type":"anonymousId","uid":"a1"}],
                 "goals":[{"name":"Page: Home","achievedAt":%d,"properties":{"title":"Home Page"}}]}"""
                .formatted(T, T)), tree(bridge.onlyRequest().body()));
        assertEquals("segment", bridge.onlyRequest().headers().get("x-agent"));
    }

    @Test
    void pageNameFallsBackToPropertiesName() throws Exception {
        bridge.post("/segment", """
                {"type":"page","anonymousId":"a1","properties":{"name":"Pricing"},"timestamp":"2023-01-01T00:00:00Z"}""");

        assertEquals("Page: Pricing", tree(bridge.onlyRequest().body()).at("/goals/0/name").asText());
    }

    @Test
    void screenBecomesAScreenGoal() throws Exception {
        bridge.post("/segment", """
                {"type":"screen","name":"Home","userId":"u1","timestamp":"2023-01-01T00:00:00.000Z"}""");

        assertEquals(tree("""
                {"historic":true,"publishedAt":%d,"units":[{"type":"userId","uid":"u1"}],
                 "goals":[{"name":"Screen: Home","achievedAt":%d,"properties":null}]}""".formatted(T, T)),
                tree(bridge.onlyRequest().body()));
    }

    @Test
    void experimentViewedBecomesAnExposureShiftedToTheEventTime() throws Exception {
        HttpResponse<String> answer = bridge.post("/segment", """
                {"type":"track","event":"Experiment Viewed","anonymousId":"anon-123",
                 "timestamp":"2023-01-01T00:00:00.000Z","properties":{"exposure":
                 {"publishedAt":1602531300000,"units":[{"type":"anonymousId","uid":"anon-123"}],
                  "exposures":[{"id":10,"name":"test_experiment","assigned":true,"exposedAt":1602531200000}],
                  "attributes":[{"name":"test","value":"test","setAt":1602530000000}]}}}""");

        assertEquals(200, answer.statusCode());
        assertEquals(tree("""
                {"publishedAt":1672531200000,"units":[{"type":"anonymousId","uid":"anon-123"}],
                 "exposures":[{"id":10,"name":"test_experiment","assigned":true,"exposedAt":1672531100000}],
                 "attributes":[{"name":"test","value":"test","setAt":1672529900000}],"historic":true}"""),
                tree(bridge.onlyRequest().body()));
    }

    @Test
    void exposureAlsoComesFromTheClassicPropertiesAbsmartly() throws Exception {
        bridge.post("/segment", """
                {"type":"track","event":"Experiment Viewed","anonymousId":"a","timestamp":"2023-01-01T00:00:00Z",
                 "properties":{"absmartly":{"publishedAt":1602531300000,"units":[{"type":"anonymousId","uid":"a"}],
                  "exposures":[{"id":1,"name":"e","exposedAt":1602531300000}],"hashed":true,"sdkVersion":"1.2"}}}""");

        assertEquals(tree("""
                {"publishedAt":%d,"units":[{"type":"anonymousId","uid":"a"}],
                 "exposures":[{"id":1,"name":"e","exposedAt":%d}],"hashed":true,"sdkVersion":"1.2",
                 "historic":true}""".formatted(T, T)), tree(bridge.onlyRequest().body()));
    }

    @Test
    void onlyUsableUnitsAreSent() throws Exception {
        bridge.post("/segment", """
                {"type":"track","event":"E","anonymousId":"477f","userId":null,"email":""}""");

        assertEquals(tree("[{\"type\":\"anonymousId\",\"uid\":\"477f\"}]"), tree(bridge.onlyRequest().body()).get("units"));
    }

    @Test
    void numericUserIdBecomesAStringUid() throws Exception {
        bridge.post("/segment", "{\"type\":\"track\",\"event\":\"E\",\"userId\":123}");

        assertEquals(tree("[{\"type\":\"userId\",\"uid\":\"123\"}]"), tree(bridge.onlyRequest().body()).get("units"));
    }

    @Test
    void propertiesAbsmartlyUnitsReplaceTheMapping() throws Exception {
        bridge.post("/segment", """
                {"type":"track","event":"Fee","userId":"ignored","timestamp":"2023-01-01T00:00:00Z",
                 "properties":{"fee":1000,"absmartly":{"units":[{"type":"userId","uid":"4312"}]}}}""");

        assertEquals(tree("""
                {"historic":true,"publishedAt":%d,"units":[{"type":"userId","uid":"4312"}],
                 "goals":[{"name":"Fee","achievedAt":%d,"properties":{"fee":1000}}]}""".formatted(T, T)),
                tree(bridge.onlyRequest().body()));
    }

    @ParameterizedTest
    @CsvSource({"Signed Up, signup", "Checkout Started, checkout", "Not Mapped, Not Mapped"})
    void goalMappingRenamesListedEvents(String event, String goal) throws Exception {
        bridge.post("/segment", "{\"type\":\"track\",\"event\":\"" + event + "\",\"userId\":\"u\"}");

        assertEquals(goal, tree(bridge.onlyRequest().body()).at("/goals/0/name").asText());
    }

    @ParameterizedTest(name = "rejected: {0}")
    @ValueSource(strings = {
        // exposures without units, without exposures, or carrying goals
        """
        {"type":"track","event":"Experiment Viewed","userId":"u","properties":{"exposure":{"publishedAt":1602531300000,
         "units":[],"exposures":[{"id":1,"name":"e","exposedAt":1602531300000}]}}}""",
        """
        {"type":"track","event":"Experiment Viewed","userId":"u","properties":{"exposure":{"publishedAt":1602531300000,
         "units":[{"type":"userId","uid":"u"}],"exposures":[]}}}""",
        """
        {"type":"track","event":"Experiment Viewed","userId":"u","properties":{"exposure":{"publishedAt":1602531300000,
         "units":[{"type":"userId","uid":"u"}],"exposures":[{"id":1,"name":"e","exposedAt":1602531300000}],
         "goals":[{}]}}}""",
        "{\"type\":\"track\",\"event\":\"Experiment Viewed\",\"userId\":\"u\",\"properties\":{}}",
        "{\"type\":\"track\",\"event\":\"Bad\",\"userId\":\"u\",\"properties\":\"bleh\"}",
        "{\"type\":\"track\",\"event\":\"Bad\",\"userId\":\"u\",\"properties\":0}",
        "{\"type\":\"track\",\"userId\":\"u\"}",
        "{\"type\":\"track\",\"event\":\"No units\"}",
        "{\"type\":\"page\",\"userId\":\"u\"}",
        "{\"type\":\"screen\",\"userId\":\"u\",\"name\":\"  \"}"
    })
    void theSpecsRejectionsAreAnswered400AndNothingIsSent(String event) throws Exception {
        HttpResponse<String> answer = bridge.post("/segment", event);

        assertEquals(400, answer.statusCode(), answer.body());
        assertEquals("rejected", tree(answer.body()).get("outcome").asText());
        assertFalse(tree(answer.body()).get("error").asText().isBlank());
        assertTrue(bridge.collector().received().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"identify", "group", "alias", "something-new"})
    void callsThatAreNotGoalsAreAcknowledgedAndNotSent(String type) throws Exception {
        HttpResponse<String> answer = bridge.post("/segment", "{\"type\":\"" + type + "\",\"userId\":\"u\"}");

        assertEquals(200, answer.statusCode());
        assertEquals("ignored", tree(answer.body()).get("outcome").asText());
        assertTrue(bridge.collector().received().isEmpty());
    }
}
