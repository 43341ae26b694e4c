package io.github.segmentabsmartly.bridge.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpActivityListener;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;

/**
 * The Collector calls' metrics, told by the http endpoint of each call (an HttpActivityListener) and by
 * CollectorRetryPolicy of each failure: {@code bridge_collector_request_seconds} (each attempt of
 * {@code PUT /context}, by outcome), {@code bridge_collector_batch_request_seconds} (each {@code PUT /context/batch}),
 * {@code bridge_redeliveries_total} (by the route the event came in by) and {@code bridge_collector_messages_total}
 * (the warnings and errors of accepted calls, by kind).
 */
public class CollectorCallMetrics implements HttpActivityListener {

    /** Histogram buckets: from a fast loopback answer to past the response timeout. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000),
        Duration.ofMillis(2500), Duration.ofMillis(5000)};
    private static final String SUBMITTED = "absmartlyCollectorCall";

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public CollectorCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onRequestSubmitted(Object source, Exchange exchange, HttpHost host, HttpRequest request,
            HttpEntity entity) {
        boolean batch = request.getPath() != null && request.getPath().endsWith("/context/batch");
        exchange.setProperty(SUBMITTED, new Call(batch ? "bridge.collector.batch.request" : "bridge.collector.request",
                System.nanoTime()));
    }

    @Override
    public void onResponseReceived(Object source, Exchange exchange, HttpHost host, HttpResponse response,
            HttpEntity entity, long elapsedMillis) {
        if (exchange.removeProperty(SUBMITTED) instanceof Call call) {
            timer(call.timer(), outcomeOf(response.getCode())).record(System.nanoTime() - call.nanos(),
                    TimeUnit.NANOSECONDS);
        }
    }

    /** A call that got no answer (a connection refused, a timeout): timed as {@code no_answer}. */
    void noAnswer(Exchange exchange) {
        if (exchange.removeProperty(SUBMITTED) instanceof Call call) {
            timer(call.timer(), "no_answer").record(System.nanoTime() - call.nanos(), TimeUnit.NANOSECONDS);
        }
    }

    void retrying(Exchange exchange) {
        String routeId = exchange.getFromRouteId() == null ? "none" : exchange.getFromRouteId();
        counter("bridge.redeliveries", "Camel redeliveries of a Collector call", "routeId", routeId).increment();
    }

    /** @param kind {@code warning} or {@code error} */
    void collectorMessage(String kind) {
        counter("bridge.collector.messages", "Warnings and errors in the Collector's accepting answers", "kind", kind)
                .increment();
    }

    /** success (2xx), client_error (4xx), server_error (5xx and anything else). */
    private static String outcomeOf(int status) {
        if (status >= 200 && status < 300) {
            return "success";
        }
        return status >= 400 && status < 500 ? "client_error" : "server_error";
    }

    private Timer timer(String name, String outcome) {
        return timers.computeIfAbsent(name + "/" + outcome, key -> Timer.builder(name)
                .description("Time of each call to the Collector, by outcome")
                .tag("outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(registry));
    }

    private Counter counter(String name, String description, String tag, String value) {
        return counters.computeIfAbsent(name + "/" + value, key -> Counter.builder(name).description(description)
                .tag(tag, value).register(registry));
    }

    /** A call under way: the timer it goes to, and when it was sent. */
    private record Call(String timer, long nanos) {
    }
}
