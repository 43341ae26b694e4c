package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.support.ChildBridge;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Settings come from environment variables named as in the README, and a bad one stops the bridge at once
 * with one line that names it. Runs the real main class in a child JVM, as {@code java -jar} would.
 */
class SettingsFromEnvironmentTest {

    @TempDir
    Path dataDir;

    @Test
    void environmentVariablesOverrideApplicationProperties() throws Exception {
        try (CollectorStandIn collector = new CollectorStandIn();
                ChildBridge bridge = ChildBridge.start(Map.of(
                        "ABSMARTLY_COLLECTOR_ENDPOINT", collector.endpoint() + "/",
                        "ABSMARTLY_API_KEY", "key-from-environment",
                        "ABSMARTLY_ENVIRONMENT", "env-from-environment",
                        "ABSMARTLY_GOAL_MAPPING", "Order Completed=purchase",
                        "BRIDGE_DATA_DIR", dataDir.toString()))) {
            HttpResponse<String> answer = bridge.postWhenUp("/segment",
                    "{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"u\"}");

            assertEquals(200, answer.statusCode(), answer.body());
            CollectorStandIn.Received request = collector.received().get(0);
            assertEquals("/v1/context", request.path());
            assertEquals("key-from-environment", request.headers().get("x-api-key"));
            assertEquals("env-from-environment", request.headers().get("x-environment"));
            assertEquals("purchase", tree(request.body()).at("/goals/0/name").asText());
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "ABSMARTLY_COLLECTOR_ENDPOINT        | https://acme.absmartly.io/v1 | ABSMARTLY_API_KEY is required",
        "ABSMARTLY_ENABLE_PAGE_VIEW_TRACKING | yes                          | must be true or false",
        "ABSMARTLY_UNIT_MAPPING              | anonymousId                  | has an entry 'anonymousId'",
        "ABSMARTLY_TIMESTAMPS                | server                       | must be 'event' or 'client'",
        "BRIDGE_DELIVERY_BUDGET_MS           | 3s                           | must be a whole number",
        "BRIDGE_DEDUP_STORE                  | redis                        | must be 'memory', 'jdbc', 'kafka' or 'none'",
        "SEGMENT_WRITE_KEYS                  | ''                           | is set but empty",
        "INGEST_TOKENS                       | ' , '                        | is set but empty"})
    void badSettingStopsTheBridgeWithOneLineNamingIt(String variable, String value, String message)
            throws Exception {
        ChildBridge bridge = ChildBridge.start(Map.of(variable, value));

        List<String> errorLines = bridge.awaitExit();

        assertEquals(BridgeMain.INVALID_SETTING, bridge.process().exitValue());
        assertEquals(1, errorLines.size(), String.join("\n", errorLines));
        assertTrue(errorLines.get(0).contains(variable), errorLines.get(0));
        assertTrue(errorLines.get(0).contains(message), errorLines.get(0));
    }

    /**
     * With a Collector set and no credentials, on an address others reach, ingest would take events from anyone: the
     * bridge does not start, and says what to set. On loopback, or with BRIDGE_INGEST_OPEN=true, it does.
     */
    @ParameterizedTest(name = "CAMEL_SERVER_HOST={0}, BRIDGE_INGEST_OPEN={1}")
    @CsvSource({"0.0.0.0, false, false", "127.0.0.1, false, true", "0.0.0.0, true, true"})
    void ingestOpenToAnyoneIsRefusedUnlessChosen(String host, String open, boolean starts) throws Exception {
        try (CollectorStandIn collector = new CollectorStandIn();
                ChildBridge bridge = ChildBridge.start(Map.of("ABSMARTLY_COLLECTOR_ENDPOINT", collector.endpoint(),
                        "ABSMARTLY_API_KEY", "k", "ABSMARTLY_ENVIRONMENT", "e", "CAMEL_SERVER_HOST", host,
                        "BRIDGE_INGEST_OPEN", open, "BRIDGE_DATA_DIR", dataDir.toString()))) {
            if (starts) {
                bridge.awaitLive();
                return;
            }
            List<String> errorLines = bridge.awaitExit();
            assertEquals(BridgeMain.INVALID_SETTING, bridge.process().exitValue());
            assertEquals(List.of("segment-absmartly-bridge cannot start: ingest would take events from anyone who can"
                    + " reach CAMEL_SERVER_HOST 0.0.0.0: set SEGMENT_WRITE_KEYS, SEGMENT_SHARED_SECRETS or"
                    + " INGEST_TOKENS, or BRIDGE_INGEST_OPEN=true"), errorLines);
        }
    }
}
