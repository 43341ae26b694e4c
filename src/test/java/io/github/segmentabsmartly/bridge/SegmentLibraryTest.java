package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.ScreenMessage;
import com.segment.analytics.messages.TrackMessage;
import io.github.segmentabsmartly.bridge.support.BridgeUnderTest;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn.Received;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Segment's own Java library, pointed at the bridge as its host, is a sender that works unchanged. */
class SegmentLibraryTest {

    @RegisterExtension
    static final BridgeUnderTest bridge = BridgeUnderTest.withSettings(
            "segment.write-keys", "java-source-key=server-env",
            "absmartly.enable-page-view-tracking", "true",
            "absmartly.enable-screen-view-tracking", "true");

    @Test
    void callsFromTheLibraryReachTheCollector() throws Exception {
        Outcomes outcomes = new Outcomes();
        Analytics analytics = analytics("java-source-key", outcomes);

        analytics.enqueue(TrackMessage.builder("Order Completed").userId("u-1").properties(Map.of("total", 42)));
        analytics.enqueue(PageMessage.builder("Pricing").userId("u-1"));
        analytics.enqueue(ScreenMessage.builder("Settings").userId("u-1"));
        analytics.enqueue(IdentifyMessage.builder().userId("u-1").traits(Map.of("plan", "pro")));
        analytics.flush();
        awaitUntil(() -> outcomes.successes.size() == 4);
        analytics.shutdown();

        // The events of one batch are delivered several at a time, so they may reach the Collector in any order.
        List<Received> requests = bridge.collector().received();
        assertEquals(List.of("Order Completed", "Page: Pricing", "Screen: Settings"),
                requests.stream().map(request -> tree(request.body()).at("/goals/0/name").asText()).sorted().toList());
        assertTrue(requests.stream().allMatch(request -> "server-env".equals(request.headers().get("x-environment"))));
        Received track = requests.stream()
                .filter(request -> tree(request.body()).at("/goals/0/name").asText().equals("Order Completed"))
                .findFirst().orElseThrow();
        assertEquals(tree("[{\"type\":\"userId\",\"uid\":\"u-1\"}]"), tree(track.body()).get("units"));
        assertEquals(42, tree(track.body()).at("/goals/0/properties/total").asInt());
        assertEquals("analytics-java", track.headers().get("x-agent"));
        assertTrue(outcomes.failures.isEmpty());
    }

    @Test
    void wrongWriteKeyIsRefusedAndTheLibraryIsTold() throws Exception {
        Outcomes outcomes = new Outcomes();
        Analytics analytics = analytics("not-a-key", outcomes);

        analytics.enqueue(TrackMessage.builder("Order Completed").userId("u-1"));
        analytics.flush();
        awaitUntil(() -> outcomes.failures.size() == 1);
        analytics.shutdown();

        assertTrue(bridge.collector().received().isEmpty());
        assertTrue(outcomes.successes.isEmpty());
    }

    private static Analytics analytics(String writeKey, Outcomes outcomes) {
        return Analytics.builder(writeKey).endpoint(bridge.baseUrl()).callback(outcomes).retries(1)
                .flushInterval(1, TimeUnit.HOURS).build();
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for the library's callbacks");
            Thread.sleep(20);
        }
    }

    /** What the library reports for each message. */
    static final class Outcomes implements Callback {
        final List<Message> successes = new CopyOnWriteArrayList<>();
        final List<Throwable> failures = new CopyOnWriteArrayList<>();

        @Override
        public void success(Message message) {
            successes.add(message);
        }

        @Override
        public void failure(Message message, Throwable throwable) {
            failures.add(throwable);
        }
    }
}
