package io.github.segmentabsmartly.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.support.CollectorStandIn;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import io.vertx.core.Vertx;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * BRIDGE_INGEST_EVENT_LOOPS: the HTTP routes run on that many event loops (Vert.x hands each new connection to
 * the next one), and the port is free again once the bridge stops. Checked for 1, for 2 (the default on two
 * cores) and for 3, more than the cores.
 */
class IngestEventLoopsTest {

    private static final int CONNECTIONS = 12;

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "{0} event loops")
    @CsvSource({"1", "2", "3"})
    void requestsOnSeparateConnectionsAreAnsweredOnTheEventLoopsSet(int eventLoops)
            throws Exception {
        String run = "loops-" + UUID.randomUUID();
        try (CollectorStandIn collector = new CollectorStandIn();
                RunningBridge bridge = RunningBridge.deliveringTo(collector, dataDir,
                        "bridge.ingest.event-loops", String.valueOf(eventLoops))) {
            for (int i = 0; i < CONNECTIONS; i++) {
                HttpResponse<String> answer = bridge.postOnANewConnection("/segment",
                        "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"messageId\":\"" + run + "-" + i + "\"}");
                assertEquals(200, answer.statusCode(), answer.body());
                assertTrue(answer.body().contains("\"outcome\":\"delivered\""), answer.body());
            }
            assertEquals(CONNECTIONS, collector.received().size());
        }

        Set<String> threads = threadsThatAnswered(run);
        assertEquals(eventLoops, threads.size(), threads.toString());
        assertTrue(threads.stream().allMatch(thread -> thread.startsWith("vert.x-eventloop-thread-")),
                threads.toString());
    }

    /** On a Vert.x of the application's own, which the bridge leaves running, it still closes every server. */
    @Test
    void thePortIsFreeOnceTheBridgeStops() throws Exception {
        Vertx applications = Vertx.vertx();
        try {
            int port;
            try (CollectorStandIn collector = new CollectorStandIn();
                    RunningBridge bridge = RunningBridge.onVertx(applications, collector, dataDir,
                            "bridge.ingest.event-loops", "3")) {
                port = URI.create(bridge.baseUrl()).getPort();
                assertEquals(200, bridge.postOnANewConnection("/segment",
                        "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\"}").statusCode());
            }

            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
        } finally {
            applications.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** The threads that logged this run's events as delivered (bridge.outcomes logs each, at DEBUG). */
    private static Set<String> threadsThatAnswered(String run) throws Exception {
        Pattern line = Pattern.compile("\\[([^\\]]+)] outcomes - delivered event 0 \\(messageId " + run + "-\\d+\\)");
        return Files.readAllLines(SecretsTest.TEST_LOG).stream()
                .map(line::matcher)
                .filter(Matcher::find)
                .map(found -> found.group(1))
                .collect(Collectors.toSet());
    }
}
