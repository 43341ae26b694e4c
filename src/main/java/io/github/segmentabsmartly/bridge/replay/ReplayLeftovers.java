package io.github.segmentabsmartly.bridge.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.ingest.EventOutcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * After a replay, the events that still were not delivered (rejected, or to be retried and not already kept in
 * the dead-letter file) become lines of the same form with their new reason, for {@code .failed/}. The body is
 * empty when every event found a home (not null: a file message reads its file again for a null body).
 */
public class ReplayLeftovers implements Processor {

    private final ObjectMapper mapper;

    public ReplayLeftovers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) throws JsonProcessingException {
        List<EventOutcome> outcomes = exchange.getMessage().getBody(List.class);
        List<Object> records = exchange.getProperty(ReplayFileReader.RECORDS, List.class);
        StringBuilder lines = new StringBuilder();
        for (EventOutcome outcome : outcomes == null ? List.<EventOutcome>of() : outcomes) {
            if (outcome.kind().mayBeSentAgain() && !outcome.keptForReplay()) {
                lines.append(mapper.writeValueAsString(leftover(records.get(outcome.index()), outcome))).append('\n');
            }
        }
        exchange.getMessage().setBody(lines.toString());
    }

    private static Map<String, Object> leftover(Object record, EventOutcome outcome) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("messageId", outcome.messageId());
        line.put("reason", "replay: " + outcome.reason());
        if (record instanceof Map<?, ?> map) {
            if (map.get("source") != null) {
                line.put("source", map.get("source"));
            }
            line.put("event", map.get("event"));
        } else {
            line.put("line", record);
        }
        return line;
    }
}
