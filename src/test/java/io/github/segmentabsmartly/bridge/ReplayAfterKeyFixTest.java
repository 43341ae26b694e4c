package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.support.CollectorStandIn;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's recovery from a wrong API key: the events the Collector refused are in the dead-letter file;
 * after the fix and a restart, the file moved to data/replay/ delivers each event once, and Segment's own
 * retries of the same batch are recognised as duplicates (JDBC deduplication survives the restart).
 */
class ReplayAfterKeyFixTest {

    static final String BATCH = """
            {"batch":[{"type":"track","event":"A","userId":"u","messageId":"k-1","properties":{"mid":"k-1"}},
                      {"type":"track","event":"B","userId":"u","messageId":"k-2","properties":{"mid":"k-2"}},
                      {"type":"page","name":"Home","userId":"u","messageId":"k-3"}]}""";

    @TempDir
    Path dataDir;

    @Test
    void deadLetteredEventsAreDeliveredOnceAfterTheFix() throws Exception {
        String dedupStore = "jdbc:h2:file:" + dataDir.resolve("dedup/ids");
        try (CollectorStandIn collector = new CollectorStandIn()) {
            collector.requireApiKey("right-key");
            try (RunningBridge wrongKey = RunningBridge.deliveringTo(collector, dataDir, "absmartly.api-key",
                    "wrong-key", "bridge.dedup.store", "jdbc", "bridge.dedup.jdbc-url", dedupStore)) {
                HttpResponse<String> refused = wrongKey.post("/v1/batch", BATCH);

                assertEquals(503, refused.statusCode());
                assertEquals(2, wrongKey.linesIn("dead-letter").size());
            }
            try (RunningBridge fixed = RunningBridge.deliveringTo(collector, dataDir, "absmartly.api-key",
                    "right-key", "bridge.dedup.store", "jdbc", "bridge.dedup.jdbc-url", dedupStore)) {
                Path replay = Files.createDirectories(dataDir.resolve("replay"));
                try (Stream<Path> deadLetters = Files.list(dataDir.resolve("dead-letter"))) {
                    Path file = deadLetters.findFirst().orElseThrow();
                    Files.move(file, replay.resolve(file.getFileName()));
                }
                awaitFileIn(replay.resolve(".done"));

                HttpResponse<String> segmentRetry = fixed.post("/v1/batch", BATCH);

                assertEquals(200, segmentRetry.statusCode());
                assertEquals(List.of("duplicate", "duplicate", "duplicate"),
                        tree(segmentRetry.body()).get("events").findValuesAsText("outcome"));
                assertFalse(Files.exists(replay.resolve(".failed")));
            }
            List<String> accepted = collector.received().stream().filter(CollectorStandIn.Received::accepted)
                    .map(request -> tree(request.body()).at("/goals/0/properties/mid").asText()).sorted().toList();
            assertEquals(List.of("k-1", "k-2"), accepted);
        }
    }

    private static void awaitFileIn(Path directory) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.isDirectory(directory) || isEmpty(directory)) {
            assertTrue(System.nanoTime() < deadline, "the replayed file did not reach " + directory);
            Thread.sleep(50);
        }
    }

    private static boolean isEmpty(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.findAny().isEmpty();
        }
    }
}
