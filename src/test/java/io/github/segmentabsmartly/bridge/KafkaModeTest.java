package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.CollectorStandIn.Answer.status;
import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn.Answer;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn.Received;
import io.github.segmentabsmartly.bridge.support.EditedRoutes;
import io.github.segmentabsmartly.bridge.support.Eventually;
import io.github.segmentabsmartly.bridge.support.KafkaBroker;
import io.github.segmentabsmartly.bridge.support.PrometheusText;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * BRIDGE_MODE=kafka against a real broker (in this JVM): ingest answers once Kafka has the event, delivery
 * instances read the topic, and nothing is lost or doubled while the Collector or the delivery is away.
 * Each test has topics and a consumer group of its own.
 */
class KafkaModeTest {

    static KafkaBroker kafka;
    static CollectorStandIn collector;

    @TempDir
    Path dataDir;
    String prefix;

    @BeforeAll
    static void startKafkaAndCollector() throws Exception {
        kafka = KafkaBroker.start();
        collector = new CollectorStandIn();
    }

    @AfterAll
    static void stopKafkaAndCollector() {
        collector.close();
        kafka.close();
    }

    @BeforeEach
    void freshTopicsAndCollector(TestInfo test) {
        prefix = test.getTestMethod().orElseThrow().getName();
        collector.reset();
    }

    /** A bridge in kafka mode with this test's topics and group, plus the given settings. */
    RunningBridge bridge(String... settings) throws Exception {
        List<String> all = new ArrayList<>(List.of(
                "bridge.mode", "kafka",
                "bridge.kafka.brokers", kafka.bootstrapServers(),
                "bridge.kafka.topic", prefix + "-events",
                "bridge.kafka.dead-letter-topic", prefix + "-dead-letters",
                "bridge.kafka.group", prefix,
                "bridge.kafka.partitions", "3",
                "bridge.kafka.session-timeout-ms", "6000",
                "bridge.dedup.store", "kafka",
                "bridge.dedup.kafka-topic", prefix + "-dedup"));
        all.addAll(List.of(settings));
        return RunningBridge.deliveringTo(collector, dataDir, all.toArray(String[]::new));
    }

    static String track(String user, int seq) {
        return """
                {"type":"track","event":"Step","userId":"%s","messageId":"%s-%d","properties":{"seq":%d},
                 "timestamp":"2023-01-01T00:00:00Z"}""".formatted(user, user, seq, seq);
    }

    @Test
    void ingestAnswersOnceKafkaHasTheEventsAndDeliveryCatchesUpLater() throws Exception {
        collector.answerAuthChecks(status(503));
        try (RunningBridge ingest = bridge("bridge.roles", "ingest")) {
            Map<String, TopicDescription> topics = kafka.admin().describeTopics(
                    List.of(prefix + "-events", prefix + "-dead-letters", prefix + "-dedup")).allTopicNames().get();
            assertEquals(3, topics.get(prefix + "-events").partitions().size(), "created with BRIDGE_KAFKA_PARTITIONS");
            assertEquals(3, topics.get(prefix + "-dead-letters").partitions().size());
            HttpResponse<String> ready = ingest.managementWhen("/observe/health/ready", 200);
            assertEquals(200, ready.statusCode(), "an ingest-only instance does not need the Collector: " + ready.body());

            for (int seq = 0; seq < 10; seq++) {
                HttpResponse<String> answer = ingest.post("/segment", track("u1", seq));
                assertEquals(200, answer.statusCode(), answer.body());
                assertEquals("queued", tree(answer.body()).get("outcome").asText());
            }
            HttpResponse<String> batch = ingest.post("/v1/batch", """
                    {"batch":[{"type":"track","event":"Step","userId":"u2","messageId":"u2-0"},
                              {"type":"track","event":"No Unit","messageId":"bad-0"},
                              {"type":"identify","userId":"u2"}]}""");
            assertEquals(200, batch.statusCode(), batch.body());
            assertEquals(tree("{\"queued\":1,\"rejected\":1,\"ignored\":1}"), tree(batch.body()).get("counts"));
            assertTrue(collector.received().isEmpty(), "nothing is delivered without a deliver instance");

            try (RunningBridge deliver = bridge("bridge.roles", "deliver")) {
                List<Received> accepted = awaitAccepted(11, Duration.ofSeconds(60));
                assertEquals(11, accepted.size());
                assertEquals(IntStream.range(0, 10).boxed().toList(), seqsByUser(accepted).get("u1"));
                assertEquals(List.of(0), seqsByUser(accepted).get("u2"));
                assertEquals(RunningBridge.API_KEY, accepted.get(0).headers().get("x-api-key"));
            }
        }
    }

    @Test
    void eventsSentWhileTheCollectorIsDownAreDeliveredOnceItIsBack() throws Exception {
        long backAt = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        collector.injectFaults(body -> System.nanoTime() < backAt ? Answer.dropConnection() : null);
        try (RunningBridge bridge = bridge()) {
            for (int seq = 0; seq < 12; seq++) {
                HttpResponse<String> answer = bridge.post("/segment", track("user-" + (seq % 3), seq));
                assertEquals(200, answer.statusCode(), answer.body());
                assertEquals("queued", tree(answer.body()).get("outcome").asText());
            }

            List<Received> accepted = awaitAccepted(12, Duration.ofSeconds(90));

            assertEquals(12, accepted.size());
            assertEquals(12, seqsByUser(accepted).values().stream().mapToInt(List::size).sum());
            assertTrue(accepted.get(0).atNanos() >= backAt, "delivered before the Collector was back");
            assertOnePerEvent(accepted);
        }
    }

    @Test
    void eachUsersEventsReachTheCollectorInTheOrderTheyWereSent() throws Exception {
        Random random = new Random(7);
        collector.injectFaults(body -> random.nextInt(5) == 0 ? status(503) : null);
        try (RunningBridge bridge = bridge("bridge.kafka.consumers", "2")) {
            List<String> users = List.of("ann", "bob", "cat", "dan", "eve");
            for (int seq = 0; seq < 20; seq++) {
                StringBuilder batch = new StringBuilder("{\"batch\":[");
                for (int u = 0; u < users.size(); u++) {
                    batch.append(u == 0 ? "" : ",").append(track(users.get(u), seq));
                }
                HttpResponse<String> answer = bridge.post("/v1/batch", batch.append("]}").toString());
                assertEquals(200, answer.statusCode(), answer.body());
            }

            List<Received> accepted = awaitAccepted(100, Duration.ofSeconds(90));

            Map<String, List<Integer>> seqs = seqsByUser(accepted);
            for (String user : users) {
                assertEquals(IntStream.range(0, 20).boxed().toList(), seqs.get(user), user);
            }
            assertOnePerEvent(accepted);
        }
    }

    /** Every event of a backlog of 800, read by two consumers, reaches the Collector once. */
    @Test
    void aBacklogIsDeliveredInFull() throws Exception {
        try (RunningBridge bridge = bridge("bridge.kafka.consumers", "2", "bridge.dedup.store", "memory")) {
            for (int request = 0; request < 8; request++) {
                StringBuilder batch = new StringBuilder("{\"batch\":[");
                for (int seq = 0; seq < 100; seq++) {
                    batch.append(seq == 0 ? "" : ",").append(track("backlog-" + request, seq));
                }
                assertEquals(200, bridge.post("/v1/batch", batch.append("]}").toString()).statusCode());
            }

            assertOnePerEvent(awaitAccepted(800, Duration.ofSeconds(60)));
        }
    }

    @Test
    void aResentEventIsDeliveredOnceAcrossInstances() throws Exception {
        try (RunningBridge first = bridge(); RunningBridge second = bridge()) {
            assertEquals(200, first.post("/segment", track("u9", 1)).statusCode());
            awaitAccepted(1, Duration.ofSeconds(60));
            assertEquals(200, second.post("/segment", track("u9", 1)).statusCode());
            assertEquals(200, second.post("/segment", track("u9", 2)).statusCode());

            awaitAccepted(2, Duration.ofSeconds(60));

            assertEquals(List.of(1, 2), seqsByUser(accepted()).get("u9"));
        }
    }

    @Test
    void deadLettersGoToTheDeadLetterTopicAndAreReplayedFromIt() throws Exception {
        collector.answer(status(400).withBody("{\"error\":\"unknown goal\"}"));
        try (RunningBridge bridge = bridge()) {
            bridge.post("/segment", track("u5", 1));

            ConsumerRecord<String, String> deadLetter = firstRecordOf(prefix + "-dead-letters");
            JsonNode line = tree(deadLetter.value());
            assertEquals("u5-1", line.get("messageId").asText());
            assertEquals(400, line.get("collectorStatus").asInt());
            // the event keeps, as receivedAt, when the bridge took it in
            assertTrue(line.at("/event/receivedAt").isTextual());
            assertEquals(tree(track("u5", 1)), ((ObjectNode) line.get("event")).without("receivedAt"));
            assertEquals(1, bridge.linesIn("dead-letter").size());
        }
        collector.reset();
        try (RunningBridge replay = bridge("bridge.roles", "deliver", "bridge.kafka.replay-dead-letters", "true")) {
            List<Received> accepted = awaitAccepted(1, Duration.ofSeconds(60));
            assertEquals(List.of(1), seqsByUser(accepted).get("u5"));
            // started last, so that no record read at start misses absmartly-sink; so stopped first
            List<String> started = replay.routesInStartOrder();
            assertEquals(List.of("absmartly-queue-consumer", "absmartly-dead-letter-replay"),
                    started.subList(started.size() - 2, started.size()));
        }
    }

    /**
     * An event that fails inside the bridge each time its record is read (here, after a route edit that throws for it)
     * holds up its partition for bridge.kafka.internal-error-retry-ms only: then it is dead-lettered, to the file and
     * the topic, and the event behind it is delivered.
     */
    @Test
    void aRecordThatKeepsFailingInsideTheBridgeIsDeadLetteredAndTheRecordsBehindItGoOn(@TempDir Path routes)
            throws Exception {
        try (RunningBridge bridge = bridge("camel.main.routes-include-pattern", poisoned(routes).includePattern(),
                "bridge.kafka.internal-error-retry-ms", "2000")) {
            assertEquals(200, bridge.post("/segment", poison("u6")).statusCode());
            assertEquals(200, bridge.post("/segment", track("u6", 1)).statusCode());

            assertEquals(List.of(1), seqsByUser(awaitAccepted(1, Duration.ofSeconds(60))).get("u6"));
            JsonNode line = tree(firstRecordOf(prefix + "-dead-letters").value());
            assertEquals("u6-p", line.get("messageId").asText());
            assertEquals("dead-lettered", line.get("outcome").asText());
            assertEquals("failed inside the bridge each time it was read for 2 s: internal error: the bridge logged it;"
                    + " send it again: java.lang.IllegalStateException: poison", line.get("reason").asText());
            assertEquals("Poison", line.at("/event/event").asText());
            assertEquals(List.of(line.get("messageId")), bridge.linesIn("dead-letter").stream()
                    .map(deadLetter -> tree(deadLetter).get("messageId")).toList());
            assertEquals(1, collector.received().size());
        }
    }

    /** ... and while its dead letter cannot be written, it is read again: its dead letter is written once it can be. */
    @Test
    void aRecordWhoseDeadLetterCannotBeWrittenIsReadAgainUntilItIs(@TempDir Path routes) throws Exception {
        Path deadLetters = Files.writeString(dataDir.resolve("dead-letter"), "a file where the folder should be");
        try (RunningBridge bridge = bridge("camel.main.routes-include-pattern", poisoned(routes).includePattern(),
                "bridge.kafka.internal-error-retry-ms", "500")) {
            assertEquals(200, bridge.post("/segment", poison("u7")).statusCode());
            assertEquals(200, bridge.post("/segment", track("u7", 1)).statusCode());
            // counted as its dead letter is about to be written, which fails
            Eventually.waitUntil("the record to be dead-lettered", () -> PrometheusText.parse(
                    bridge.management("/observe/metrics").body()).samples().stream().anyMatch(sample ->
                    "dead-lettered".equals(sample.labels().get("outcome")) && sample.value() > 0));
            assertTrue(accepted().isEmpty());

            Files.delete(deadLetters);

            assertEquals(List.of(1), seqsByUser(awaitAccepted(1, Duration.ofSeconds(60))).get("u7"));
            assertEquals("u7-p", tree(firstRecordOf(prefix + "-dead-letters").value()).get("messageId").asText());
            assertEquals(1, bridge.linesIn("dead-letter").size());
        }
    }

    /** A copy of the routes in which an event named Poison fails inside the bridge, where it is delivered. */
    private static EditedRoutes poisoned(Path routes) throws Exception {
        String request = "                - process:\n                    ref: collectorRequest\n";
        return EditedRoutes.copyTo(routes).replace("delivery.yaml", request, """
                                - filter:
                                    simple: "${body[goals][0][name]} == 'Poison'"
                                    steps:
                                      - throwException:
                                          exceptionType: java.lang.IllegalStateException
                                          message: poison
                """ + request);
    }

    static String poison(String user) {
        return "{\"type\":\"track\",\"event\":\"Poison\",\"userId\":\"%s\",\"messageId\":\"%s-p\"}".formatted(user, user);
    }

    @Test
    void ingestAsksTheSenderToRetryWhenKafkaIsGone() throws Exception {
        try (KafkaBroker ownKafka = KafkaBroker.start();
                RunningBridge bridge = RunningBridge.deliveringTo(collector, dataDir,
                        "bridge.mode", "kafka", "bridge.roles", "ingest",
                        "bridge.kafka.brokers", ownKafka.bootstrapServers(),
                        "bridge.delivery.budget-ms", "1500")) {
            assertEquals(200, bridge.post("/segment", track("u7", 1)).statusCode());
            ownKafka.close();

            HttpResponse<String> answer = bridge.post("/segment", track("u7", 2));

            assertEquals(503, answer.statusCode(), answer.body());
            assertEquals("retry-later", tree(answer.body()).get("outcome").asText());
            assertTrue(tree(answer.body()).get("reason").asText().startsWith("Kafka did not take the event"));
        }
    }

    @Test
    void anEventOverTheProducersBufferIsRefusedForTheSenderToKeep() throws Exception {
        try (RunningBridge ingest = bridge("bridge.roles", "ingest", "bridge.kafka.buffer-bytes", "20000")) {
            String fits = track("u8", 1);
            String tooLarge = fits.replace("\"seq\":1", "\"seq\":1,\"note\":\"" + "n".repeat(25_000) + "\"");

            HttpResponse<String> refused = ingest.post("/segment", tooLarge);
            HttpResponse<String> taken = ingest.post("/segment", fits);

            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("retry-later", tree(refused.body()).get("outcome").asText());
            assertEquals("Kafka did not take the event: send it again", tree(refused.body()).get("reason").asText());
            assertTrue(Files.readString(SecretsTest.TEST_LOG).contains("buffer.memory"));
            assertEquals("queued", tree(taken.body()).get("outcome").asText(), taken.body());
        }
    }

    private ConsumerRecord<String, String> firstRecordOf(String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, prefix + "-reader");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    return record;
                }
            }
        }
        throw new AssertionError("no record in " + topic + " within 30 s");
    }

    private static List<Received> accepted() {
        return collector.received().stream().filter(Received::accepted).toList();
    }

    /** Waits until the Collector accepted at least this many requests. */
    private static List<Received> awaitAccepted(int count, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (accepted().size() < count) {
            if (System.nanoTime() > deadline) {
                fail("the Collector accepted " + accepted().size() + " of " + count + " events within " + max);
            }
            Thread.sleep(50);
        }
        return accepted();
    }

    /** Each user's goal "seq" values, in the order the Collector accepted them. */
    private static Map<String, List<Integer>> seqsByUser(List<Received> accepted) {
        Map<String, List<Integer>> seqs = new TreeMap<>();
        for (Received request : accepted) {
            JsonNode body = tree(request.body());
            seqs.computeIfAbsent(body.at("/units/0/uid").asText(), user -> new ArrayList<>())
                    .add(body.at("/goals/0/properties/seq").asInt());
        }
        return seqs;
    }

    private static void assertOnePerEvent(List<Received> accepted) {
        Map<String, Long> copies = accepted.stream().collect(Collectors.groupingBy(
                request -> tree(request.body()).at("/units/0/uid").asText() + "/"
                        + tree(request.body()).at("/goals/0/properties/seq").asInt(), Collectors.counting()));
        copies.forEach((event, count) -> assertEquals(1L, count, event + " accepted " + count + " times"));
    }
}
