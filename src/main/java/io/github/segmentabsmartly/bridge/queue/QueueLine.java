package io.github.segmentabsmartly.bridge.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.delivery.JsonLines;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Turns an accepted event into its Kafka record: the line {@code {"time", "messageId", "source", "event"}} that
 * replay also reads, keyed by the uid of the event's first unit so that one user's events stay in one partition,
 * in order. The body it finds is the event's publish body, where the units are. Nothing of the request's headers
 * goes along (they may hold a write key).
 */
public class QueueLine implements org.apache.camel.Processor {

    private final ObjectMapper mapper;

    public QueueLine(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) {
        SegmentEvent event = exchange.getProperty(BridgeExchange.EVENT, SegmentEvent.class);
        String key = firstUnitOf(exchange.getMessage().getBody());
        Map<String, Object> line = JsonLines.startLine();
        line.put("messageId", event.messageId());
        JsonLines.endWithEvent(line, exchange);
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        JsonLines.setAsBody(exchange, mapper, line);
        message.setHeader(KafkaConstants.KEY, key);
    }

    private static String firstUnitOf(Object publishBody) {
        if (publishBody instanceof Map<?, ?> body && body.get("units") instanceof List<?> units
                && !units.isEmpty() && units.get(0) instanceof Map<?, ?> unit) {
            return String.valueOf(unit.get("uid"));
        }
        return null;
    }
}
