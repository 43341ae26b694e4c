package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.CollectorStandIn.Answer.dropConnection;
import static io.github.segmentabsmartly.bridge.support.CollectorStandIn.Answer.status;
import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.segmentabsmartly.bridge.support.BridgeUnderTest;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn.Answer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every event accounted for: thousands of events (single, arrays, batches; some resent on purpose, some
 * invalid) while the Collector fails in every way it can, and a sender that resends what got a 5xx, as
 * Segment does. Each valid event must be accepted by the Collector exactly once, or dead-lettered once.
 *
 * <p>"Accepted" means answered 2xx: a slow answer here is a 503 after the bridge's timeout (a Collector that
 * gave up), since a Collector that commits an event and answers after the timeout will see it twice from any
 * at-least-once sender, this bridge included.
 */
class AccountingTest {

    static final int VALID = 2000;
    static final int INVALID = 150;
    static final int RESENT_ON_PURPOSE = 250;
    static final long SEED = 20261123L;

    @RegisterExtension
    static final BridgeUnderTest bridge = BridgeUnderTest.withSettings();

    @Test
    void everyEventIsDeliveredOnceRejectedOrDeadLettered() throws Exception {
        Random random = new Random(SEED);
        List<String> sends = events(random);
        List<Request> requests = requests(sends, random);
        bridge.collector().injectFaults(new FaultyCollector(new Random(SEED + 1), System.nanoTime()));

        Map<String, List<String>> finalOutcomes = new ConcurrentHashMap<>();
        AtomicLong resends = new AtomicLong();
        ExecutorService senders = Executors.newFixedThreadPool(6);
        List<Future<?>> running = new ArrayList<>();
        for (Request request : requests) {
            running.add(senders.submit(() -> sendUntilAccepted(request, finalOutcomes, resends)));
        }
        for (Future<?> sender : running) {
            sender.get();
        }
        senders.shutdown();

        Map<String, Long> acceptedByCollector = bridge.collector().received().stream()
                .filter(CollectorStandIn.Received::accepted)
                .collect(Collectors.groupingBy(received -> tree(received.body()).at("/goals/0/properties/mid").asText(),
                        TreeMap::new, Collectors.counting()));
        Map<String, Long> deadLettered = new TreeMap<>();
        for (String line : bridge.linesIn("dead-letter")) {
            deadLettered.merge(tree(line).get("messageId").asText(), 1L, Long::sum);
        }
        Map<String, Long> outcomeCounts = finalOutcomes.values().stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        long faults = bridge.collector().received().stream().filter(received -> !received.accepted()).count();
        System.out.printf("accounting: %d events sent in %d requests (%d resends after 5xx); Collector saw %d"
                + " requests, %d of them failed on purpose; outcomes %s; %d accepted, %d dead-lettered%n",
                sends.size(), requests.size(), resends.get(), bridge.collector().received().size(), faults,
                outcomeCounts, acceptedByCollector.size(), deadLettered.size());

        for (int i = 0; i < VALID; i++) {
            String id = "e-" + i;
            boolean refused = isRefused(i);
            assertEquals(refused ? null : 1L, acceptedByCollector.get(id), id + " accepted by the Collector");
            assertEquals(refused ? 1L : null, deadLettered.get(id), id + " in the dead-letter file");
        }
        for (int i = 0; i < INVALID; i++) {
            assertEquals(List.of("rejected"), finalOutcomes.get("bad-" + i), "bad-" + i);
        }
        assertEquals(VALID - VALID / 50, acceptedByCollector.size());
        assertEquals(sends.size(), outcomeCounts.values().stream().mapToLong(Long::longValue).sum());
        assertTrue(outcomeCounts.keySet().stream()
                .allMatch(outcome -> List.of("delivered", "duplicate", "rejected", "dead-lettered").contains(outcome)),
                outcomeCounts.toString());
    }

    /** One in fifty valid events is one the Collector refuses for good (400). */
    static boolean isRefused(int i) {
        return i % 50 == 7;
    }

    private static List<String> events(Random random) {
        List<String> sends = new ArrayList<>();
        for (int i = 0; i < VALID; i++) {
            sends.add(track("e-" + i, isRefused(i) ? "Refused" : "Order Completed"));
        }
        for (int i = 0; i < INVALID; i++) {
            sends.add("{\"type\":\"track\",\"userId\":\"u\",\"messageId\":\"bad-" + i + "\"}");
        }
        for (int i = 0; i < RESENT_ON_PURPOSE; i++) {
            int again = random.nextInt(VALID);
            sends.add(track("e-" + again, isRefused(again) ? "Refused" : "Order Completed"));
        }
        Collections.shuffle(sends, random);
        return sends;
    }

    private static String track(String messageId, String event) {
        return "{\"type\":\"track\",\"event\":\"" + event + "\",\"userId\":\"u-" + messageId + "\",\"messageId\":\""
                + messageId + "\",\"properties\":{\"mid\":\"" + messageId + "\"}}";
    }

    /** A request as Segment would send it: one event, an array (webhook batching) or a Tracking API batch. */
    record Request(String path, String body, boolean single) {
    }

    private static List<Request> requests(List<String> sends, Random random) {
        List<Request> requests = new ArrayList<>();
        int next = 0;
        while (next < sends.size()) {
            int shape = random.nextInt(3);
            int size = shape == 0 ? 1 : Math.min(sends.size() - next, 2 + random.nextInt(40));
            List<String> events = sends.subList(next, next + size);
            next += size;
            requests.add(switch (shape) {
                case 0 -> new Request("/segment", events.get(0), true);
                case 1 -> new Request("/segment", "[" + String.join(",", events) + "]", false);
                default -> new Request("/v1/batch", "{\"batch\":[" + String.join(",", events) + "]}", false);
            });
        }
        return requests;
    }

    private static void sendUntilAccepted(Request request, Map<String, List<String>> finalOutcomes, AtomicLong resends) {
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                HttpResponse<String> answer = bridge.post(request.path(), request.body());
                if (answer.statusCode() < 500 && answer.statusCode() != 429) {
                    record(answer, request, finalOutcomes);
                    return;
                }
                resends.incrementAndGet();
                Thread.sleep(250);
            } catch (IOException | InterruptedException failed) {
                throw new IllegalStateException(failed);
            }
        }
        throw new IllegalStateException("not accepted after 100 attempts: " + request.body());
    }

    private static void record(HttpResponse<String> answer, Request request, Map<String, List<String>> outcomes) {
        JsonNode body = tree(answer.body());
        List<JsonNode> events = new ArrayList<>();
        if (request.single()) {
            events.add(body);
        } else {
            body.get("events").forEach(events::add);
        }
        for (JsonNode event : events) {
            String outcome = event.get("outcome").asText();
            assertFalse(outcome.equals("rejected") && event.path(request.single() ? "error" : "reason").asText()
                    .isBlank(), "a rejection without a reason: " + event);
            outcomes.computeIfAbsent(event.get("messageId").asText(), id -> Collections.synchronizedList(
                    new ArrayList<>())).add(outcome);
        }
    }

    /**
     * 6% 503, 1% 429 with Retry-After, 1% too slow (503 after the bridge's timeout), 2% dropped connections,
     * a four-second outage (every connection dropped) three seconds in, and 400 for the "Refused" goal.
     */
    record FaultyCollector(Random random, long startNanos) implements CollectorStandIn.Faults {

        @Override
        public synchronized Answer answerFor(String body) {
            long secondsIn = Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
            if (secondsIn >= 3 && secondsIn < 7) {
                return dropConnection();
            }
            int roll = random.nextInt(100);
            if (roll < 6) {
                return status(503);
            } else if (roll < 7) {
                return status(429).withHeader("Retry-After", "1");
            } else if (roll < 8) {
                return status(503).after(Duration.ofMillis(1200));
            } else if (roll < 10) {
                return dropConnection();
            }
            return body.contains("\"Refused\"") ? status(400).withBody("{\"error\":\"unknown goal Refused\"}") : null;
        }
    }
}
