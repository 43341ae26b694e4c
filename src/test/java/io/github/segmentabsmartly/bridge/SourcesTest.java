package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.segmentabsmartly.bridge.support.CollectorStandIn;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Deduplication is by source and messageId: a source (a write key, a token) can never have another's events taken
 * for duplicates, whatever the store. The same messageId from two write keys is two events; twice from one, one.
 */
class SourcesTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "dedup store {0}")
    @CsvSource({"memory", "jdbc"})
    void oneSourceNeverSuppressesAnothersEvents(String store) throws Exception {
        try (CollectorStandIn collector = new CollectorStandIn();
                RunningBridge bridge = RunningBridge.deliveringTo(collector, dataDir,
                        "segment.write-keys", "wk-a, wk-b", "ingest.tokens", "token-1", "bridge.dedup.store", store,
                        "bridge.dedup.jdbc-url", "jdbc:h2:file:" + dataDir.resolve("dedup/ids"))) {
            String event = "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"messageId\":\"shared-id\"}";

            List<String> outcomes = List.of(
                    outcome(bridge, event, IngestAuthTest.basic("wk-a")),
                    outcome(bridge, event, IngestAuthTest.basic("wk-b")),
                    outcome(bridge, event, "Bearer token-1"),
                    outcome(bridge, event, IngestAuthTest.basic("wk-a")));

            assertEquals(List.of("delivered", "delivered", "delivered", "duplicate"), outcomes);
            assertEquals(3, collector.received().size());
        }
    }

    private static String outcome(RunningBridge bridge, String event, String authorization) throws Exception {
        return tree(bridge.post("/segment", event, "Content-Type", "application/json", "Authorization", authorization)
                .body()).get("outcome").asText();
    }
}
