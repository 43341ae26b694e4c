package io.github.segmentabsmartly.bridge.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * In dry run, the Collector request the bridge would have sent, as one outbox line: method, path, headers
 * (without the API key) and body, plus the event's source and the original event, so that the line can be replayed.
 */
public class OutboxLine implements org.apache.camel.Processor {

    private final ObjectMapper mapper;

    public OutboxLine(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        SegmentEvent event = exchange.getProperty(BridgeExchange.EVENT, SegmentEvent.class);
        Map<String, Object> headers = new LinkedHashMap<>();
        message.getHeaders().forEach((name, value) -> {
            if (!name.startsWith("Camel") && !name.equalsIgnoreCase(CollectorRequest.API_KEY_HEADER)) {
                headers.put(name, value);
            }
        });
        Map<String, Object> line = JsonLines.startLine();
        line.put("messageId", event.messageId());
        line.put("method", "PUT");
        line.put("path", "/context");
        line.put("headers", headers);
        line.put("body", mapper.readTree(message.getBody(byte[].class)));
        JsonLines.endWithEvent(line, exchange);
        JsonLines.setAsBody(exchange, mapper, line);
    }
}
