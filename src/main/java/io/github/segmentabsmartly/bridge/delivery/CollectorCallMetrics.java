package io.github.segmentabsmartly.bridge.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Times every call to the Collector ({@code bridge_collector_request_seconds}, a histogram, by outcome), as
 * {@link CollectorCall} reports them, and every batch call ({@code bridge_collector_batch_request_seconds}), as
 * {@link CollectorBatchCall} reports them, and counts the calls Camel's redelivery tries again
 * ({@code bridge_redeliveries_total}, by the route the event came in by), as {@link CollectorRetryPolicy} decides
 * them. (Not an event notifier: with one that takes exchange events, Camel makes an event of every step.)
 */
public class CollectorCallMetrics implements CollectorCallObserver {

    /** Histogram buckets: from a fast loopback answer to past the response timeout. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000),
        Duration.ofMillis(2500), Duration.ofMillis(5000)};

    private static final String NO_ANSWER = "no_answer";

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Timer> batchTimers = new ConcurrentHashMap<>();
    private final Map<String, Counter> redeliveries = new ConcurrentHashMap<>();

    public CollectorCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void called(Exchange exchange, long nanos) {
        timers.computeIfAbsent(outcomeOf(exchange), this::timer).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void batchCalled(CollectorAnswer answer, long nanos) {
        String outcome = answer == null ? NO_ANSWER : outcomeOf(answer.status());
        batchTimers.computeIfAbsent(outcome, this::batchTimer).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void retrying(Exchange exchange) {
        String routeId = exchange.getFromRouteId();
        redeliveries.computeIfAbsent(routeId == null ? "none" : routeId, this::redeliveryCounter).increment();
    }

    /** success (2xx), client_error (4xx), server_error (5xx and anything else), or no_answer. */
    private static String outcomeOf(Exchange exchange) {
        Exception failure = exchange.getException();
        if (failure instanceof HttpOperationFailedException refused) {
            return outcomeOf(refused.getStatusCode());
        }
        return failure != null ? NO_ANSWER
                : outcomeOf(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class));
    }

    private static String outcomeOf(int status) {
        if (status >= 200 && status < 300) {
            return "success";
        }
        return status >= 400 && status < 500 ? "client_error" : "server_error";
    }

    private Timer timer(String outcome) {
        return timer("bridge.collector.request", "Time of each call to the Collector (each attempt), by outcome",
                outcome);
    }

    private Timer batchTimer(String outcome) {
        return timer("bridge.collector.batch.request",
                "Time of each batch call to the Collector (PUT /context/batch), by outcome", outcome);
    }

    private Timer timer(String name, String description, String outcome) {
        return Timer.builder(name).description(description).tag("outcome", outcome).serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private Counter redeliveryCounter(String routeId) {
        return Counter.builder("bridge.redeliveries")
                .description("Camel redeliveries after a failed step (a Collector call, in practice)")
                .tag("routeId", routeId)
                .register(registry);
    }
}
