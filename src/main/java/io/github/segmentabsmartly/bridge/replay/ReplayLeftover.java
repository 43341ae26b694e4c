package io.github.segmentabsmartly.bridge.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.outcome.EventOutcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * After a replayed line: when its event still was not delivered (rejected, or to be sent again and not kept in the
 * dead-letter file already), the body becomes the line for {@code .failed/}, with the new reason; else it is empty.
 * An event the Collector could not take now (no answer, a 5xx or 429, the key refused) halts the file's replay; one
 * that failed inside the bridge does not: that is the event's own.
 */
public class ReplayLeftover implements Processor {

    private final ObjectMapper mapper;

    public ReplayLeftover(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) throws JsonProcessingException {
        ReplayLine line = exchange.getProperty(ReplayLineEvent.LINE, ReplayLine.class);
        List<?> sent = exchange.getIn().getBody(List.class);
        EventOutcome outcome = sent != null && !sent.isEmpty() && sent.get(0) instanceof EventOutcome first
                ? first : exchange.getProperty(BridgeExchange.OUTCOME, EventOutcome.class);
        if (outcome.kind() == EventOutcome.Kind.RETRY_LATER && !outcome.isInternalError()
                && !outcome.reasonCode().equals(ReplayHalt.REASON_CODE)) {
            line.halt().haltAt(line.number(), outcome.reason());
        }
        boolean home = !outcome.kind().mayBeSentAgain() || outcome.keptForReplay();
        exchange.getIn().setBody(home ? "" : mapper.writeValueAsString(leftover(line, outcome)) + "\n");
    }

    private Map<String, Object> leftover(ReplayLine line, EventOutcome outcome) {
        Map<String, Object> leftover = new LinkedHashMap<>();
        leftover.put("time", Instant.now().toString());
        leftover.put("messageId", outcome.messageId());
        leftover.put("reason", "replay: " + outcome.fullReason());
        Map<?, ?> record = parse(line.text());
        if (record != null && record.get("event") != null) {
            if (record.get("source") != null) {
                leftover.put("source", record.get("source"));
            }
            leftover.put("event", record.get("event"));
        } else {
            leftover.put("line", line.text() == null ? "(a line too long to keep)" : line.text());
        }
        return leftover;
    }

    private Map<?, ?> parse(String text) {
        try {
            return text == null ? null : mapper.readValue(text, Map.class);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }
}
