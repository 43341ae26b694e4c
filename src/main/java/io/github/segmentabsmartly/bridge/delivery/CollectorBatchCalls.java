package io.github.segmentabsmartly.bridge.delivery;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The Collector batch calls that carry a request's held events: one for each up to {@value #MAX_REQUESTS} events that
 * go with the same headers (environment, application, agent), in order. None once the request's delivery budget is
 * spent: its events then meet that on their own. The request's outcomes so far are kept (property absmartlyOutcomes).
 */
public class CollectorBatchCalls implements Processor {

    /** The most publish bodies one batch call may carry (the Collector's OpenAPI). */
    static final int MAX_REQUESTS = 500;

    private final DeliveryBudget budget;

    public CollectorBatchCalls(DeliveryBudget budget) {
        this.budget = budget;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        exchange.setProperty(BridgeExchange.OUTCOMES, exchange.getMessage().getBody(List.class));
        List<HeldEvent> held = exchange.getProperty(BridgeExchange.HELD_EVENTS, List.class);
        exchange.getMessage().setBody(budget.millisLeft(exchange) > 0 ? callsOf(held) : List.of());
    }

    static List<BatchCall> callsOf(List<HeldEvent> held) {
        Map<Map<String, Object>, List<HeldEvent>> byHeaders = new LinkedHashMap<>();
        for (HeldEvent event : held) {
            byHeaders.computeIfAbsent(event.headers(), headers -> new ArrayList<>()).add(event);
        }
        List<BatchCall> calls = new ArrayList<>();
        byHeaders.forEach((headers, events) -> {
            for (int from = 0; from < events.size(); from += MAX_REQUESTS) {
                calls.add(new BatchCall(headers, events.subList(from, Math.min(events.size(), from + MAX_REQUESTS))));
            }
        });
        return calls;
    }
}
