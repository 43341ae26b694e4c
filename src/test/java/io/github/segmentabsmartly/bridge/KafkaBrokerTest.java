package io.github.segmentabsmartly.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.support.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The groundwork for a Kafka mode: a real KRaft broker in this JVM ({@link KafkaBroker}), and camel-kafka
 * producing to it (acks=all) and consuming from it in a consumer group that commits by hand, keeping the
 * order of each key; then the broker stops and leaves no thread that would keep the JVM alive.
 */
class KafkaBrokerTest {

    private static final String TOPIC = "segment-events";
    private static final String GROUP = "bridge-test";
    private static final int PARTITIONS = 3;
    private static final int KEYS = 10;
    private static final int MESSAGES = 50;
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private record Consumed(String key, int seq, int partition, long offset) {
    }

    @Test
    void camelKafkaProducesAndConsumesInOrderPerKeyWithManualCommits() throws Exception {
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();

        try (KafkaBroker kafka = KafkaBroker.start()) {
            System.out.printf("Kafka broker started in %d ms on %s%n", kafka.startedIn().toMillis(),
                    kafka.bootstrapServers());
            kafka.createTopic(TOPIC, PARTITIONS);
            // the broker runs on threads that would keep the JVM alive: the check at the end sees them
            List<String> brokerThreads = leftoverThreads(threadsBefore);
            assertFalse(brokerThreads.isEmpty(), "the broker's threads are not daemons");

            List<Consumed> consumed = new CopyOnWriteArrayList<>();
            CountDownLatch allConsumed = new CountDownLatch(MESSAGES);
            String kafkaUri = "kafka:" + TOPIC + "?brokers=" + kafka.bootstrapServers();

            CamelContext camel = new DefaultCamelContext();
            try {
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:send").routeId("to-kafka")
                                .to(kafkaUri + "&requestRequiredAcks=all");

                        from(kafkaUri + "&groupId=" + GROUP + "&autoOffsetReset=earliest"
                                + "&allowManualCommit=true&autoCommitEnable=false&consumersCount=1"
                                // stopping waits for the poll in progress: 500 ms instead of 5 s
                                + "&pollTimeoutMs=500")
                                .routeId("from-kafka")
                                .process(exchange -> {
                                    String key = exchange.getMessage().getHeader(KafkaConstants.KEY, String.class);
                                    String body = exchange.getMessage().getBody(String.class);
                                    consumed.add(new Consumed(key, Integer.parseInt(body.substring(body.indexOf('#') + 1)),
                                            exchange.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class),
                                            exchange.getMessage().getHeader(KafkaConstants.OFFSET, Long.class)));
                                    exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class)
                                            .commit();
                                    allConsumed.countDown();
                                });
                    }
                });
                camel.start();

                // 50 messages over 10 keys, each key's sequence numbers 0..4 in order
                ProducerTemplate producer = camel.createProducerTemplate();
                int[] nextSeq = new int[KEYS];
                for (int i = 0; i < MESSAGES; i++) {
                    int k = i % KEYS;
                    String key = "user-" + k;
                    producer.sendBodyAndHeader("direct:send", key + "#" + nextSeq[k]++, KafkaConstants.KEY, key);
                }

                assertTrue(allConsumed.await(DEADLINE.toSeconds(), TimeUnit.SECONDS),
                        "consumed " + consumed.size() + " of " + MESSAGES + " within " + DEADLINE);

                // the group's committed offsets reach the end of every partition: each message was committed
                Map<TopicPartition, Long> ends = endOffsets(kafka);
                assertEquals(MESSAGES, ends.values().stream().mapToLong(Long::longValue).sum());
                await("the group to commit up to the end of every partition", () -> committed(kafka).equals(ends),
                        () -> "committed " + committed(kafka) + ", ends " + ends);

                assertEquals(MESSAGES, consumed.size(), "every message consumed once: " + consumed);
                Map<String, List<Integer>> seqsByKey = new TreeMap<>();
                for (Consumed c : consumed) {
                    seqsByKey.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c.seq());
                }
                List<Integer> inOrder = IntStream.range(0, MESSAGES / KEYS).boxed().toList();
                assertEquals(KEYS, seqsByKey.size());
                seqsByKey.forEach((key, seqs) -> assertEquals(inOrder, seqs, "order of " + key));
                // each key stays on one partition, and the keys are spread over more than one
                Map<String, Set<Integer>> partitionsByKey = consumed.stream().collect(Collectors.groupingBy(
                        Consumed::key, Collectors.mapping(Consumed::partition, Collectors.toSet())));
                partitionsByKey.forEach((key, partitions) -> assertEquals(1, partitions.size(), key + " on " + partitions));
                assertTrue(consumed.stream().map(Consumed::partition).distinct().count() > 1,
                        "keys spread over partitions: " + partitionsByKey);
            } finally {
                camel.close();
            }
        }

        // nothing the broker or the clients started may keep the JVM alive
        await("the broker's and clients' threads to end", () -> leftoverThreads(threadsBefore).isEmpty(),
                () -> "still running: " + leftoverThreads(threadsBefore));
    }

    private static Map<TopicPartition, Long> endOffsets(KafkaBroker kafka) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, PARTITIONS).boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(TOPIC, p), p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> infos = kafka.admin().listOffsets(latest).all()
                .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        return infos.entrySet().stream()
                .filter(e -> e.getValue().offset() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static Map<TopicPartition, Long> committed(KafkaBroker kafka) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = kafka.admin().listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            return offsets.entrySet().stream()
                    .filter(e -> e.getValue() != null && e.getValue().offset() > 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (Exception e) {
            return Map.of();
        }
    }

    /** Threads started since {@code before} that are still alive and would keep the JVM from ending. */
    private static List<String> leftoverThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon())
                .map(Thread::getName)
                .sorted()
                .toList();
    }

    private static void await(String what, BooleanSupplier condition, Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + DEADLINE + " waiting for " + what + ": " + state.get());
            }
            Thread.sleep(20);
        }
    }
}
