package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.github.segmentabsmartly.bridge.support.Eventually.waitUntil;

import io.github.segmentabsmartly.bridge.support.CollectorStandIn;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files moved into data/replay/ go through the routes again; nothing in them is lost or doubled. */
class ReplayTest {

    static final String BATCH = """
            {"batch":[{"type":"track","event":"A","userId":"u","messageId":"k-1","properties":{"mid":"k-1"}},
                      {"type":"track","event":"B","userId":"u","messageId":"k-2","properties":{"mid":"k-2"}},
                      {"type":"page","name":"Home","userId":"u","messageId":"k-3"}]}""";

    @TempDir
    Path dataDir;

    /**
     * The operator's recovery from a wrong API key: the events the Collector refused are in the dead-letter file;
     * after the fix and a restart, the file moved to data/replay/ delivers each event once, and Segment's own
     * retries of the same batch are recognised as duplicates (JDBC deduplication survives the restart).
     */
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
                assertTrue(isEmpty(replay.resolve(".failed")), () -> "something failed in the replay: " + listing(replay));
            }
            List<String> accepted = collector.received().stream().filter(CollectorStandIn.Received::accepted)
                    .map(request -> tree(request.body()).at("/goals/0/properties/mid").asText()).sorted().toList();
            assertEquals(List.of("k-1", "k-2"), accepted);
        }
    }

    @Test
    void aRefusedEventIsDeliveredWhenItsDeadLetterIsReplayedThoughItsMessageIdWasSeen() throws Exception {
        try (CollectorStandIn collector = new CollectorStandIn();
                RunningBridge bridge = RunningBridge.deliveringTo(collector, dataDir)) {
            collector.answer(CollectorStandIn.Answer.status(400).withBody("{\"error\":\"unknown goal\"}"));
            String event = "{\"type\":\"track\",\"event\":\"A\",\"userId\":\"u\",\"messageId\":\"refused-1\"}";
            assertEquals("dead-lettered", tree(bridge.post("/segment", event).body()).get("outcome").asText());
            assertEquals("duplicate", tree(bridge.post("/segment", event).body()).get("outcome").asText());
            Path replay = Files.createDirectories(dataDir.resolve("replay"));

            Files.move(Files.list(dataDir.resolve("dead-letter")).findFirst().orElseThrow(),
                    replay.resolve("refused.jsonl"));
            awaitFileIn(replay.resolve(".done"));

            assertEquals(2, collector.received().size());
            assertTrue(collector.received().get(1).accepted());
        }
    }

    @Test
    void replayedEventKeepsTheEnvironmentOfItsSource() throws Exception {
        try (CollectorStandIn collector = new CollectorStandIn();
                RunningBridge bridge = RunningBridge.deliveringTo(collector, dataDir)) {
            Path replay = Files.createDirectories(dataDir.resolve("replay"));
            Path file = Files.writeString(dataDir.resolve("ios.jsonl"), "{\"source\":{\"environment\":\"staging\","
                    + "\"application\":\"ios\"},\"event\":{\"type\":\"track\",\"event\":\"A\",\"userId\":\"u\"}}\n");
            Files.move(file, replay.resolve("ios.jsonl"));

            awaitFileIn(replay.resolve(".done"));

            assertEquals("staging", collector.received().get(0).headers().get("x-environment"));
            assertEquals("ios", collector.received().get(0).headers().get("x-application"));
        }
    }

    @Test
    void eventsThatStillFailAreKeptWithTheirReason() throws Exception {
        try (RunningBridge bridge = RunningBridge.dryRun(dataDir)) {
            Path replay = Files.createDirectories(dataDir.resolve("replay"));
            Path file = Files.writeString(dataDir.resolve("old.jsonl"), String.join("\n",
                    "{\"time\":\"2026-01-01T00:00:00Z\",\"event\":{\"type\":\"track\",\"event\":\"A\",\"userId\":\"u\"}}",
                    "not json",
                    "{\"event\":{\"type\":\"track\",\"userId\":\"u\"}}") + "\n");
            Files.move(file, replay.resolve("old.jsonl"));

            awaitFileIn(replay.resolve(".done"));

            List<String> failed = Files.readAllLines(replay.resolve(".failed/old.jsonl"));
            assertEquals(2, failed.size(), failed.toString());
            assertEquals("replay: line 2 is not a dead-letter or outbox line with an event",
                    tree(failed.get(0)).get("reason").asText());
            assertEquals("not json", tree(failed.get(0)).get("line").asText());
            assertEquals("replay: a track event needs an event name", tree(failed.get(1)).get("reason").asText());
            assertEquals(1, bridge.linesIn("outbox").size());
            assertEquals(1767225600000L, tree(bridge.linesIn("outbox").get(0)).at("/body/publishedAt").asLong());
        }
    }

    /**
     * A replay while the Collector still cannot take events stops sending at the first such event: the others go to
     * .failed/ at once, rather than each waiting out its delivery budget.
     */
    @Test
    void aReplayStopsSendingOnceTheCollectorCannotTakeAnEventNow() throws Exception {
        try (CollectorStandIn collector = new CollectorStandIn();
                RunningBridge bridge = RunningBridge.deliveringTo(collector, dataDir, "bridge.delivery.budget-ms", "500")) {
            collector.answer(Stream.generate(() -> CollectorStandIn.Answer.status(503)).limit(50)
                    .toArray(CollectorStandIn.Answer[]::new));
            Path replay = Files.createDirectories(dataDir.resolve("replay"));
            String lines = Stream.of("A", "B", "C").map(name -> "{\"event\":{\"type\":\"track\",\"event\":\"" + name
                    + "\",\"userId\":\"u\",\"messageId\":\"r-" + name + "\"}}\n").collect(Collectors.joining());
            Files.move(Files.writeString(dataDir.resolve("down.jsonl"), lines), replay.resolve("down.jsonl"));

            awaitFileIn(replay.resolve(".done"));

            List<String> failed = Files.readAllLines(replay.resolve(".failed/down.jsonl"));
            assertEquals(List.of("r-A", "r-B", "r-C"), failed.stream().map(line -> tree(line).get("messageId").asText())
                    .toList());
            String cause = "the Collector answered HTTP 503 until the delivery budget ran out";
            assertEquals("replay: " + cause + ": the Collector said {\"error\":\"status 503\"}",
                    tree(failed.get(0)).get("reason").asText());
            assertEquals("replay: not sent: the Collector could not take the event of line 1 now (" + cause + ")",
                    tree(failed.get(1)).get("reason").asText());
            assertEquals(tree(failed.get(1)).get("reason"), tree(failed.get(2)).get("reason"));
            assertEquals(List.of("A"), collector.received().stream()
                    .map(request -> tree(request.body()).at("/goals/0/name").asText()).distinct().toList());
        }
    }

    /** A symbolic link in the replay folder could name any file the bridge can read: it is left where it is, unread. */
    @Test
    void aSymbolicLinkInTheReplayFolderIsLeftAlone() throws Exception {
        try (RunningBridge bridge = RunningBridge.dryRun(dataDir)) {
            Path replay = Files.createDirectories(dataDir.resolve("replay"));
            Path elsewhere = Files.writeString(dataDir.resolve("elsewhere.jsonl"),
                    "{\"event\":{\"type\":\"track\",\"event\":\"Linked\",\"userId\":\"u\"}}\n");
            Files.createSymbolicLink(replay.resolve("link.jsonl"), elsewhere);
            Files.move(Files.writeString(dataDir.resolve("real.jsonl"),
                    "{\"event\":{\"type\":\"track\",\"event\":\"Real\",\"userId\":\"u\"}}\n"),
                    replay.resolve("real.jsonl"));

            awaitFileIn(replay.resolve(".done"));

            assertEquals(List.of("Real"), bridge.linesIn("outbox").stream()
                    .map(line -> tree(line).at("/event/event").asText()).toList());
            assertTrue(Files.isSymbolicLink(replay.resolve("link.jsonl")));
        }
    }

    /** A leftovers file that cannot be written (a full disk, say) must not cost the events that were in it. */
    @Test
    void theReplayedFileIsKeptWholeWhenItsLeftoversCannotBeWritten() throws Exception {
        try (RunningBridge bridge = RunningBridge.dryRun(dataDir)) {
            Path replay = Files.createDirectories(dataDir.resolve("replay"));
            // a folder where the leftovers file goes: writing it fails with an IOException underneath
            Files.createDirectories(replay.resolve(".failed/old.jsonl"));
            String lines = "not json\n{\"event\":{\"type\":\"track\",\"event\":\"A\",\"userId\":\"u\"}}\n";
            Files.move(Files.writeString(dataDir.resolve("old.jsonl"), lines), replay.resolve("old.jsonl"));

            waitUntil("the replayed file is moved", () -> Files.notExists(replay.resolve("old.jsonl")));

            assertEquals(lines, Files.readString(replay.resolve(".failed/old.jsonl")));
            assertTrue(isEmpty(replay.resolve(".done")), () -> "moved as if replayed: " + listing(replay));
        }
    }

    private static void awaitFileIn(Path directory) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (isEmpty(directory)) {
            assertTrue(System.nanoTime() < deadline, "the replayed file did not reach " + directory);
            Thread.sleep(50);
        }
    }

    private static String listing(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.map(path -> path + (Files.isRegularFile(path) ? " " + read(path) : "")).toList().toString();
        } catch (Exception unreadable) {
            return unreadable.toString();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception unreadable) {
            return unreadable.toString();
        }
    }

    private static boolean isEmpty(Path directory) throws Exception {
        if (!Files.isDirectory(directory)) {
            return true;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.findAny().isEmpty();
        }
    }
}
