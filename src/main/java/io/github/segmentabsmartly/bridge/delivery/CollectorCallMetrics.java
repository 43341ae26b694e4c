package io.github.segmentabsmartly.bridge.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeRedeliveryEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Times every call to the Collector ({@code bridge_collector_request_seconds}, a histogram, by outcome) and
 * counts Camel's redeliveries ({@code bridge_redeliveries_total}, by the route the event came in by; in
 * practice each is a Collector call tried again), from the events Camel notifies.
 */
public class CollectorCallMetrics extends EventNotifierSupport {

    /** Histogram buckets: from a fast loopback answer to past the response timeout. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000),
        Duration.ofMillis(2500), Duration.ofMillis(5000)};

    private final MeterRegistry registry;
    private final String collectorUrl;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> redeliveries = new ConcurrentHashMap<>();

    /** @param collectorContextUrl the URL the Collector calls go to; empty in a dry run */
    public CollectorCallMetrics(MeterRegistry registry, String collectorContextUrl) {
        this.registry = registry;
        this.collectorUrl = collectorContextUrl.toLowerCase(Locale.ROOT);
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        // (Camel files redelivery events under the failed ones: those are not ignored)
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSentEvent || event instanceof ExchangeRedeliveryEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeSentEvent sent) {
            if (isCollectorCall(sent)) {
                String outcome = outcomeOf(sent.getExchange());
                timers.computeIfAbsent(outcome, this::timer).record(sent.getTimeTaken(), TimeUnit.MILLISECONDS);
            }
        } else if (event instanceof ExchangeRedeliveryEvent redelivery) {
            String routeId = redelivery.getExchange().getFromRouteId();
            String route = routeId == null ? "none" : routeId;
            redeliveries.computeIfAbsent(route, this::redeliveryCounter).increment();
        }
    }

    /** A call to the Collector: sent to an http endpoint with the Collector's URL (see CollectorRequest). */
    private boolean isCollectorCall(ExchangeSentEvent sent) {
        String uri = sent.getExchange().getMessage().getHeader(Exchange.HTTP_URI, String.class);
        return !collectorUrl.isEmpty() && sent.getEndpoint().getEndpointUri().startsWith("http")
                && uri != null && uri.toLowerCase(Locale.ROOT).equals(collectorUrl);
    }

    /** success (2xx), client_error (4xx), server_error (5xx and anything else), or no_answer. */
    private static String outcomeOf(Exchange exchange) {
        Exception failure = exchange.getException();
        int status;
        if (failure instanceof HttpOperationFailedException refused) {
            status = refused.getStatusCode();
        } else if (failure != null) {
            return "no_answer";
        } else {
            status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
        }
        if (status >= 200 && status < 300) {
            return "success";
        }
        return status >= 400 && status < 500 ? "client_error" : "server_error";
    }

    private Timer timer(String outcome) {
        return Timer.builder("bridge.collector.request")
                .description("Time of each call to the Collector (each attempt), by outcome")
                .tag("outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private Counter redeliveryCounter(String routeId) {
        return Counter.builder("bridge.redeliveries")
                .description("Camel redeliveries after a failed step (a Collector call, in practice)")
                .tag("routeId", routeId)
                .register(registry);
    }
}
