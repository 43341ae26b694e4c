package io.github.segmentabsmartly.bridge.outcome;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/**
 * Counts events by the route they came in by and by outcome, for Prometheus:
 * {@code bridge_events_received_total{routeId}} and {@code bridge_events_total{routeId, outcome, reason}}.
 * The reason is the outcome's short code from a fixed list (set where the outcome is decided), never the reason
 * text, which may quote the event.
 */
public final class OutcomeMetrics {

    /** The name it is bound under in Camel's registry, where {@link Outcomes} finds it. */
    public static final String NAME = "outcomeMetrics";

    private static final String NO_ROUTE = "none";

    private final MeterRegistry registry;
    private final Map<String, Counter> received = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> outcomes = new ConcurrentHashMap<>();

    public OutcomeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Counts the outcome recorded for an exchange's event, when the bridge's metrics are bound; the event itself
     * only with its first outcome.
     */
    static void count(Exchange exchange, EventOutcome outcome, boolean firstOutcome) {
        OutcomeMetrics metrics = exchange.getContext().getRegistry().lookupByNameAndType(NAME, OutcomeMetrics.class);
        if (metrics != null) {
            metrics.record(exchange, outcome, firstOutcome);
        }
    }

    void record(Exchange exchange, EventOutcome outcome, boolean firstOutcome) {
        String routeId = exchange.getFromRouteId() == null ? NO_ROUTE : exchange.getFromRouteId();
        if (firstOutcome) {
            received.computeIfAbsent(routeId, route -> Counter.builder("bridge.events.received")
                    .description("Events received, counted when their outcome is known")
                    .tag("routeId", route)
                    .register(registry)).increment();
        }
        String kind = outcome.kind().label();
        String reason = outcome.reasonCode();
        outcomes.computeIfAbsent(List.of(routeId, kind, reason), key -> Counter.builder("bridge.events")
                .description("Events by outcome, with a short reason code")
                .tag("routeId", routeId)
                .tag("outcome", kind)
                .tag("reason", reason)
                .register(registry)).increment();
    }
}
