package io.github.segmentabsmartly.bridge.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.outcome.EventOutcome;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The dead-letter record of an event the Collector refused: the original Segment event (so that it can be replayed
 * through the routes), the reason with what the Collector said, the Collector's status, and the source the event came
 * from. Never the API key, a write key or request headers.
 */
public class DeadLetterLine implements Processor {

    private final ObjectMapper mapper;

    public DeadLetterLine(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) {
        EventOutcome outcome = exchange.getProperty(BridgeExchange.OUTCOME, EventOutcome.class);
        Map<String, Object> line = JsonLines.startLine();
        line.put("messageId", outcome.messageId());
        line.put("outcome", outcome.kind());
        line.put("reason", outcome.fullReason());
        line.put("collectorStatus", outcome.collectorStatus());
        JsonLines.endWithEvent(line, exchange);
        JsonLines.setAsBody(exchange, mapper, line);
    }
}
