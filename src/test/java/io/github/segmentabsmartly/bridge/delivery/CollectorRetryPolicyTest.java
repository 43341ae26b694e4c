package io.github.segmentabsmartly.bridge.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.segmentabsmartly.bridge.settings.DeliveryPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.LongSummaryStatistics;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CollectorRetryPolicyTest {

    static final int SAMPLES = 20_000;
    static final DeliveryPolicy DELIVERY = new DeliveryPolicy(
            Duration.ofMillis(3000), Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(5));
    static final CollectorRetryPolicy POLICY = new CollectorRetryPolicy(DELIVERY, new DeliveryBudget(DELIVERY),
            new CollectorCallMetrics(new SimpleMeterRegistry()));

    @ParameterizedTest
    @CsvSource({
        "0, 50, 100",
        "1, 100, 200",
        "2, 200, 400",
        "3, 400, 800",
        "4, 500, 1000",
        "10, 500, 1000",
        "1000, 500, 1000"})
    void backoffDoublesUpToTheCapWithEqualJitter(int retries, long shortest, long longest) {
        LongSummaryStatistics waits = IntStream.range(0, SAMPLES)
                .mapToLong(sample -> POLICY.backoff(retries))
                .summaryStatistics();

        assertEquals(shortest, waits.getMin());
        assertEquals(longest, waits.getMax());
    }
}
