package io.github.segmentabsmartly.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.github.segmentabsmartly.bridge.support.Json.tree;

import io.github.segmentabsmartly.bridge.support.CollectorStandIn;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
        try (CollectorStandIn collector = new CollectorStandIn()) {
            int port = freePort();
            Process bridge = start(Map.of(
                    "CAMEL_SERVER_PORT", String.valueOf(port),
                    "ABSMARTLY_COLLECTOR_ENDPOINT", collector.endpoint() + "/",
                    "ABSMARTLY_API_KEY", "key-from-environment",
                    "ABSMARTLY_ENVIRONMENT", "env-from-environment",
                    "ABSMARTLY_GOAL_MAPPING", "Order Completed=purchase",
                    "BRIDGE_DATA_DIR", dataDir.toString()), ProcessBuilder.Redirect.DISCARD);
            try {
                HttpResponse<String> answer =
                        postWhenUp(bridge, port, "{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"u\"}");

                assertEquals(200, answer.statusCode(), answer.body());
                CollectorStandIn.Received request = collector.received().get(0);
                assertEquals("/v1/context", request.path());
                assertEquals("key-from-environment", request.headers().get("x-api-key"));
                assertEquals("env-from-environment", request.headers().get("x-environment"));
                assertEquals("purchase", tree(request.body()).at("/goals/0/name").asText());
            } finally {
                bridge.destroy();
                bridge.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "ABSMARTLY_COLLECTOR_ENDPOINT         | https://acme.absmartly.io/v1 | ABSMARTLY_API_KEY is required",
        "ABSMARTLY_ENABLE_PAGE_VIEW_TRACKING  | yes                          | ABSMARTLY_ENABLE_PAGE_VIEW_TRACKING must be true or false",
        "ABSMARTLY_UNIT_MAPPING               | anonymousId                  | ABSMARTLY_UNIT_MAPPING has an entry 'anonymousId'",
        "ABSMARTLY_TIMESTAMPS                 | server                       | ABSMARTLY_TIMESTAMPS must be 'event' or 'client'",
        "BRIDGE_DELIVERY_BUDGET_MS            | 3s                           | BRIDGE_DELIVERY_BUDGET_MS must be a whole number"})
    void badSettingStopsTheBridgeWithOneLineNamingIt(String variable, String value, String message)
            throws Exception {
        Process bridge = start(Map.of(variable, value, "CAMEL_SERVER_PORT", "0"), ProcessBuilder.Redirect.PIPE);

        assertTrue(bridge.waitFor(60, TimeUnit.SECONDS), "the bridge did not stop");
        List<String> errorLines = new String(bridge.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines().toList();
        assertEquals(BridgeMain.INVALID_SETTING, bridge.exitValue());
        assertEquals(1, errorLines.size(), String.join("\n", errorLines));
        assertTrue(errorLines.get(0).contains(message), errorLines.get(0));
    }

    /** The bridge's main class in a child JVM with only the given bridge settings in its environment. */
    private static Process start(Map<String, String> settings, ProcessBuilder.Redirect errors) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-Dlog4j2.configurationFile=log4j2.xml", "-cp", System.getProperty("java.class.path"),
                BridgeMain.class.getName());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("ABSMARTLY_") || name.startsWith("BRIDGE_"));
        environment.putAll(settings);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.redirectError(errors);
        return builder.start();
    }

    /** Posts once the child bridge accepts connections, waiting at most 30 s for it to start. */
    private static HttpResponse<String> postWhenUp(Process bridge, int port, String json) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/segment"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException notYetListening) {
                if (!bridge.isAlive() || System.nanoTime() > deadline) {
                    throw notYetListening;
                }
                Thread.sleep(50);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
