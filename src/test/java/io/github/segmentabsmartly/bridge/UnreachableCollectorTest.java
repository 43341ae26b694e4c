package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.support.CollectorStandIn;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Collector that cannot be reached: the sender is told to retry, inside Segment's 5 s. */
class UnreachableCollectorTest {

    @TempDir
    static Path dataDir;
    static RunningBridge bridge;

    @BeforeAll
    static void start() throws Exception {
        CollectorStandIn gone = new CollectorStandIn();
        gone.close();
        bridge = RunningBridge.deliveringTo(gone, dataDir);
    }

    @AfterAll
    static void stop() throws Exception {
        bridge.close();
    }

    @Test
    void batchIsAnswered503WithinTheBudgetAndNothingIsDeadLettered() throws Exception {
        long start = System.nanoTime();

        HttpResponse<String> answer = bridge.post("/segment", """
                [{"type":"track","event":"A","userId":"u"},{"type":"track","event":"B","userId":"u"},
                 {"type":"track","event":"C","userId":"u"}]""");

        long tookMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(503, answer.statusCode());
        assertEquals("5", answer.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(List.of("retry-later", "retry-later", "retry-later"),
                tree(answer.body()).get("events").findValuesAsText("outcome"));
        // retried until the next wait (at most the 1 s backoff cap) would overrun the 3 s budget: so after at least
        // 2 s, however the waits' jitter falls (a bound of 2.5 s failed about once in 50 runs)
        assertTrue(tookMillis >= 2000 && tookMillis < 4500, "answered after " + tookMillis + " ms");
        assertTrue(bridge.linesIn("dead-letter").isEmpty());
        // the Collector's address and the client's exception are for the log only
        assertFalse(answer.body().contains("127.0.0.1"), answer.body());
        assertFalse(answer.body().contains("Exception"), answer.body());
    }
}
