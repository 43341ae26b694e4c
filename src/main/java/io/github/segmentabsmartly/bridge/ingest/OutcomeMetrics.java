package io.github.segmentabsmartly.bridge.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/**
 * Counts events by the route they came in by and by outcome, for Prometheus:
 * {@code bridge_events_received_total{routeId}} and {@code bridge_events_total{routeId, outcome, reason}}.
 * The reason is a short code from a fixed list, never the reason text (which may quote the event).
 */
public final class OutcomeMetrics {

    /** The name it is bound under in Camel's registry, where {@link Outcomes} finds it. */
    public static final String NAME = "outcomeMetrics";

    private static final String COUNTED = "bridgeOutcomeCounted";
    private static final String NO_ROUTE = "none";

    /** Codes for rejection and ignore reasons, by a fragment of the reason text; the first match wins. */
    private static final List<Map.Entry<String, String>> CODES = List.of(
            Map.entry(" bytes, over the limit", "too_large"),
            Map.entry("must be a JSON object", "not_an_object"),
            Map.entry("is not a dead-letter or outbox line", "unreadable_line"),
            Map.entry("needs a type", "no_type"),
            Map.entry("needs an event name", "no_event_name"),
            Map.entry("needs a name", "no_name"),
            Map.entry("none of the unit fields", "no_unit"),
            Map.entry("has no usable unit", "no_unit"),
            Map.entry("properties.absmartly.units", "bad_units"),
            Map.entry("characters", "uid_too_long"),
            Map.entry("properties must be an object", "bad_properties"),
            Map.entry("ISO-8601", "bad_timestamp"),
            Map.entry("exposure payload", "bad_exposure"),
            Map.entry("Experiment Viewed", "bad_exposure"),
            Map.entry("must be a string", "bad_field"),
            Map.entry("page view tracking is off", "page_tracking_off"),
            Map.entry("screen view tracking is off", "screen_tracking_off"),
            Map.entry("exposure tracking is off", "exposure_tracking_off"),
            Map.entry("calls are not sent", "type_not_sent"));

    private final MeterRegistry registry;
    private final Map<String, Counter> received = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> outcomes = new ConcurrentHashMap<>();

    public OutcomeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts the outcome recorded for an exchange's event, when the bridge's metrics are bound. */
    static void count(Exchange exchange, EventOutcome outcome) {
        OutcomeMetrics metrics = exchange.getContext().getRegistry().lookupByNameAndType(NAME, OutcomeMetrics.class);
        if (metrics != null) {
            metrics.record(exchange, outcome);
        }
    }

    void record(Exchange exchange, EventOutcome outcome) {
        String routeId = exchange.getFromRouteId() == null ? NO_ROUTE : exchange.getFromRouteId();
        // An event is received once, even when a later step replaces its outcome (an internal error).
        if (!exchange.getProperty(COUNTED, false, Boolean.class)) {
            exchange.setProperty(COUNTED, true);
            received.computeIfAbsent(routeId, route -> Counter.builder("bridge.events.received")
                    .description("Events received, counted when their outcome is known")
                    .tag("routeId", route)
                    .register(registry)).increment();
        }
        String kind = outcome.kind().label();
        String reason = reasonCode(outcome);
        outcomes.computeIfAbsent(List.of(routeId, kind, reason), key -> Counter.builder("bridge.events")
                .description("Events by outcome, with a short reason code")
                .tag("routeId", routeId)
                .tag("outcome", kind)
                .tag("reason", reason)
                .register(registry)).increment();
    }

    /** A short code for why, from a fixed list: the reason tag of {@code bridge_events_total}. */
    public static String reasonCode(EventOutcome outcome) {
        Integer status = outcome.collectorStatus();
        String reason = outcome.reason() == null ? "" : outcome.reason();
        return switch (outcome.kind()) {
            case DELIVERED, DRY_RUN, DUPLICATE -> "none";
            case DEAD_LETTERED -> status == null ? "other" : "http_" + status;
            case RETRY_LATER -> {
                if (status != null) {
                    yield status == 401 || status == 403 ? "credentials_rejected" : "http_" + status;
                }
                if (reason.startsWith("no answer from the Collector")) {
                    yield "no_answer";
                }
                if (reason.startsWith("the time for delivery attempts ran out")) {
                    yield "budget_spent";
                }
                yield reason.startsWith("internal error") ? "internal_error" : "other";
            }
            case REJECTED, IGNORED -> {
                for (Map.Entry<String, String> code : CODES) {
                    if (reason.contains(code.getKey())) {
                        yield code.getValue();
                    }
                }
                yield "other";
            }
        };
    }
}
