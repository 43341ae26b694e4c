package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.CollectorStandIn.Answer.status;
import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.support.CollectorStandIn;
import io.github.segmentabsmartly.bridge.support.Eventually;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Appending a dead letter blocks (a slow or full disk, a network mount): while one event waits for its line, the
 * bridge goes on answering the others, each request on a thread of its own. The dead-letter file here is a named pipe
 * that nobody reads, whose opening holds the writer until the test opens the other end.
 */
@EnabledOnOs(OS.LINUX)
class BlockedDeadLetterTest {

    @TempDir
    Path dataDir;

    private final List<FileChannel> otherEnds = new ArrayList<>();

    @Test
    void otherEventsAreAnsweredWhileADeadLetterWaitsForItsFile() throws Exception {
        Path deadLetters = Files.createDirectories(dataDir.resolve("dead-letter"));
        // today's file, and tomorrow's should the test run across midnight
        Path today = mkfifo(deadLetters.resolve("dead-letter-" + LocalDate.now() + ".jsonl"));
        Path tomorrow = mkfifo(deadLetters.resolve("dead-letter-" + LocalDate.now().plusDays(1) + ".jsonl"));
        try (CollectorStandIn collector = new CollectorStandIn();
                RunningBridge bridge = RunningBridge.deliveringTo(collector, dataDir);
                // should the test fail, a writer still waiting would keep the bridge from stopping
                AutoCloseable beforeTheBridgeStops = () -> letWritersGo(today, tomorrow)) {
            collector.injectFaults(body -> body.contains("\"name\":\"Refused\"") ? status(400) : status(200));
            CompletableFuture<HttpResponse<String>> refused = post(bridge, "Refused");
            Eventually.waitUntil("a dead letter being written", BlockedDeadLetterTest::aDeadLetterIsBeingWritten);

            HttpResponse<String> delivered = post(bridge, "Accepted").get(10, TimeUnit.SECONDS);

            assertEquals(200, delivered.statusCode(), delivered.body());
            assertFalse(refused.isDone(), "the refused event was answered before its dead letter was written");
            // A pipe cannot be appended to (Camel seeks to its end), so once let go each try of the dead letter fails
            // and the sender is asked to send the event again, as for any dead letter that cannot be written.
            letWritersGo(today);
            HttpResponse<String> refusedAnswer = refused.get(10, TimeUnit.SECONDS);
            assertEquals(503, refusedAnswer.statusCode(), refusedAnswer.body());
            assertEquals("retry-later", tree(refusedAnswer.body()).get("outcome").asText());
            assertEquals("the bridge could not keep the event on disk: send it again",
                    tree(refusedAnswer.body()).get("reason").asText());
            assertTrue(Files.readString(SecretsTest.TEST_LOG).contains("could not write " + today + ": Illegal seek"));
        }
    }

    @AfterEach
    void closeOtherEnds() throws IOException {
        for (FileChannel otherEnd : otherEnds) {
            otherEnd.close();
        }
    }

    /**
     * Opens the other end of each pipe, for reading and writing, which does not wait for a writer: a writer waiting
     * to open the pipe goes on, and the next ones do not wait. Kept open until the test ends.
     */
    private void letWritersGo(Path... pipes) throws IOException {
        for (Path pipe : pipes) {
            otherEnds.add(FileChannel.open(pipe, StandardOpenOption.READ, StandardOpenOption.WRITE));
        }
    }

    private static CompletableFuture<HttpResponse<String>> post(RunningBridge bridge, String event) {
        return bridge.postAsync("/segment",
                "{\"type\":\"track\",\"event\":\"" + event + "\",\"userId\":\"u\",\"messageId\":\"" + event + "\"}");
    }

    private static Path mkfifo(Path path) throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo " + path);
        return path;
    }

    /** Some thread is in Camel's file producer: the dead letter's writer, waiting for the pipe to open. */
    private static boolean aDeadLetterIsBeingWritten() {
        return Thread.getAllStackTraces().values().stream().flatMap(Arrays::stream).anyMatch(frame ->
                frame.getClassName().equals("org.apache.camel.component.file.FileOperations")
                        && frame.getMethodName().equals("storeFile"));
    }
}
