package io.github.segmentabsmartly.bridge.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.outcome.EventOutcome.Kind;
import io.github.segmentabsmartly.bridge.outcome.Outcomes;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Collector accepted the event: it is delivered. A 2xx answer may still carry {@code warnings} and {@code errors}
 * ({@code {"ok": true, "warnings": [...], "errors": [...]}}): an unknown goal, an unknown unit type. Each is logged at
 * WARN (logger bridge.collector, held to ten at once then one a second by log4j2.properties) and counted, so that a
 * misspelt goal name shows.
 */
public class CollectorAnswer implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger("bridge.collector");
    private static final int MAX_MESSAGE_LENGTH = 300;

    private final ObjectMapper mapper;
    private final CollectorCallMetrics metrics;

    public CollectorAnswer(ObjectMapper mapper, CollectorCallMetrics metrics) {
        this.mapper = mapper;
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        JsonNode answer = answerOf(exchange.getMessage().getBody(byte[].class));
        report(answer.path("warnings"), "warning", exchange);
        report(answer.path("errors"), "error", exchange);
        Outcomes.record(exchange, Kind.DELIVERED, "none", null);
    }

    private JsonNode answerOf(byte[] body) {
        try {
            return body == null || body.length == 0 ? mapper.missingNode() : mapper.readTree(body);
        } catch (IOException notJson) {
            return mapper.missingNode();
        }
    }

    private void report(JsonNode messages, String kind, Exchange exchange) {
        if (!messages.isArray()) {
            return;
        }
        for (JsonNode message : messages) {
            metrics.collectorMessage(kind);
            String text = message.isTextual() ? message.asText() : message.toString();
            LOG.warn("the Collector accepted event {} with a {}: {}", Outcomes.messageIdOf(exchange), kind,
                    text.length() > MAX_MESSAGE_LENGTH ? text.substring(0, MAX_MESSAGE_LENGTH) + "…" : text);
        }
    }
}
