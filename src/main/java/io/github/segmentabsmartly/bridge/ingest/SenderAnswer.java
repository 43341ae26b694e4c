package io.github.segmentabsmartly.bridge.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.outcome.EventOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Answers the sender from the outcomes of its events. A single event gets its outcome's status; an array or batch
 * gets 200 with one line per event, or 503 when any event must be sent again (so a batch is never resent for the
 * sake of an event that was merely bad).
 */
public class SenderAnswer implements Processor {

    private final ObjectMapper mapper;
    private final long defaultRetryAfterSeconds;

    public SenderAnswer(ObjectMapper mapper, long defaultRetryAfterSeconds) {
        this.mapper = mapper;
        this.defaultRetryAfterSeconds = defaultRetryAfterSeconds;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        List<EventOutcome> outcomes = new ArrayList<>(exchange.getMessage().getBody(List.class));
        outcomes.sort(Comparator.comparingInt(EventOutcome::index));
        boolean single = exchange.getProperty(BridgeExchange.SINGLE_EVENT, false, Boolean.class);
        Long retryAfter = retryAfter(outcomes);
        int status = single ? outcomes.get(0).kind().singleEventStatus() : retryAfter != null ? 503 : 200;
        JsonAnswer.write(exchange, mapper, status, single ? singleBody(outcomes.get(0)) : batchBody(outcomes));
        if (retryAfter != null) {
            exchange.getMessage().setHeader("Retry-After", retryAfter);
        }
    }

    private Long retryAfter(List<EventOutcome> outcomes) {
        Long longest = null;
        for (EventOutcome outcome : outcomes) {
            if (outcome.kind() == EventOutcome.Kind.RETRY_LATER) {
                Long suggested = outcome.retryAfterSeconds();
                long wait = suggested != null ? suggested : defaultRetryAfterSeconds;
                longest = longest == null ? wait : Math.max(longest, wait);
            }
        }
        return longest;
    }

    private static Map<String, Object> singleBody(EventOutcome outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", outcome.kind().singleEventStatus() < 300);
        body.put("outcome", outcome.kind());
        putIfPresent(body, "messageId", outcome.messageId());
        putIfPresent(body, outcome.kind() == EventOutcome.Kind.REJECTED ? "error" : "reason", outcome.reason());
        putIfPresent(body, "collectorStatus", outcome.collectorStatus());
        return body;
    }

    private static Map<String, Object> batchBody(List<EventOutcome> outcomes) {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (EventOutcome.Kind kind : EventOutcome.Kind.values()) {
            long count = outcomes.stream().filter(outcome -> outcome.kind() == kind).count();
            if (count > 0) {
                counts.put(kind.label(), count);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", !counts.containsKey(EventOutcome.Kind.RETRY_LATER.label()));
        body.put("received", outcomes.size());
        body.put("counts", counts);
        body.put("events", outcomes);
        return body;
    }

    private static void putIfPresent(Map<String, Object> body, String key, Object value) {
        if (value != null) {
            body.put(key, value);
        }
    }
}
