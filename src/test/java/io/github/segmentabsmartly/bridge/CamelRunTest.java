package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.segmentabsmartly.bridge.support.CollectorStandIn;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code camel run routes/*.yaml application.properties}, with the bridge's jar on the classpath, is the bridge. */
class CamelRunTest {

    @TempDir
    Path dataDir;

    @Test
    void theRoutesAndSettingsFileRunUnderCamelJBangsRuntime() throws Exception {
        try (CollectorStandIn collector = new CollectorStandIn();
                RunningBridge bridge = RunningBridge.underCamelRun(collector, dataDir)) {
            HttpResponse<String> answer = bridge.post("/segment", """
                    {"type":"track","event":"Signed Up","userId":"u1","timestamp":"2023-01-01T00:00:00Z"}""");

            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("delivered", tree(answer.body()).get("outcome").asText());
            assertEquals(1, collector.received().size());
            assertEquals(RunningBridge.API_KEY, collector.received().get(0).headers().get("x-api-key"));
            assertEquals(200, bridge.managementWhen("/observe/health/ready", 200).statusCode());
        }
    }
}
