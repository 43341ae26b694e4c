package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.segmentabsmartly.bridge.support.BridgeUnderTest;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn.Answer;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Liveness and readiness on the management port, as a Kubernetes probe or an operator's curl sees them. The
 * readiness check asks the Collector GET /v1/context/authed each time here (no caching), so that the tests do
 * not depend on each other.
 */
class HealthTest {

    static final String READY = "/observe/health/ready";
    /** Readiness with every check's state and message, as anyone may ask for it. */
    static final String READY_IN_FULL = READY + "?exposureLevel=full";
    static final String LIVE = "/observe/health/live";

    @RegisterExtension
    static final BridgeUnderTest BRIDGE = BridgeUnderTest.withSettings(
            "bridge.health.collector-cache-ms", "0", "bridge.health.collector-timeout-ms", "500");

    @Test
    void readyWhenTheCollectorAcceptsTheKeyAndEnvironment() throws Exception {
        HttpResponse<String> answer = BRIDGE.managementWhen(READY_IN_FULL, 200);

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("UP", tree(answer.body()).get("status").asText());
        assertEquals("UP", check(answer, "data-dir").get("status").asText());
        JsonNode collector = check(answer, "collector");
        assertEquals("UP", collector.get("status").asText());
        assertEquals("the Collector accepted the API key and environment", collector.get("message").asText());
        CollectorStandIn.Received asked = BRIDGE.collector().authChecks().get(0);
        assertEquals("GET", asked.method());
        assertEquals("/v1/context/authed", asked.path());
        assertEquals(RunningBridge.API_KEY, asked.headers().get("x-api-key"));
        assertEquals("production", asked.headers().get("x-environment"));
        assertTrue(BRIDGE.collector().received().isEmpty(), "a health check is no event for the Collector");
    }

    @Test
    void notReadyButAliveWhenTheCollectorRejectsTheKey() throws Exception {
        BRIDGE.collector().requireApiKey("another-key");

        HttpResponse<String> ready = BRIDGE.management(READY);
        HttpResponse<String> live = BRIDGE.management(LIVE);

        assertEquals(503, ready.statusCode(), ready.body());
        assertEquals("DOWN", tree(ready.body()).get("status").asText());
        JsonNode collector = check(ready, "collector");
        assertEquals("DOWN", collector.get("status").asText());
        assertEquals("the Collector answered HTTP 401: API key or environment rejected (check ABSMARTLY_API_KEY"
                + " and ABSMARTLY_ENVIRONMENT)", collector.get("message").asText());
        assertFalse(ready.body().contains(RunningBridge.API_KEY), ready.body());
        assertEquals(200, live.statusCode(), live.body());
    }

    @Test
    void notReadyWhenTheCollectorDoesNotAnswerInTime() throws Exception {
        BRIDGE.collector().answerAuthChecks(Answer.status(200).after(Duration.ofSeconds(2)));

        HttpResponse<String> ready = BRIDGE.management(READY);

        assertEquals(503, ready.statusCode(), ready.body());
        assertEquals("no answer from the Collector within 500 ms", check(ready, "collector").get("message").asText());
    }

    /**
     * Whoever reaches the management port is told states, not the configuration: no Collector URL, environment or
     * data directory, however the question is put, unless BRIDGE_HEALTH_DETAILS turns details on.
     */
    @Test
    void healthAnswersGiveStatesNotTheConfiguration() throws Exception {
        HttpResponse<String> plain = BRIDGE.managementWhen(READY, 200);
        HttpResponse<String> asked = BRIDGE.management("/observe/health?exposureLevel=full&data=true&stackTrace=true");

        assertEquals("{\"status\":\"UP\"}", plain.body().replace(" ", "").replace("\n", ""));
        for (String configuration : List.of(BRIDGE.collector().endpoint(), "production", "bridge-data")) {
            assertFalse(asked.body().contains(configuration), configuration + " in " + asked.body());
        }
    }

    /** The result of one health check in the answer, by its name. */
    static JsonNode check(HttpResponse<String> answer, String name) {
        for (JsonNode check : tree(answer.body()).get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + answer.body());
    }
}
