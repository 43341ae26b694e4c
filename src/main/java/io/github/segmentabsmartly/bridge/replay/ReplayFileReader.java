package io.github.segmentabsmartly.bridge.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.event.RejectionCode;
import io.github.segmentabsmartly.bridge.ingest.UnreadableEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Reads a file dropped into the replay folder: dead-letter or outbox lines, each carrying the original Segment
 * event under {@code event} (and its source's overrides under {@code source}). The body becomes the list of
 * events, in line order; the lines themselves are kept for {@link ReplayLeftovers}, and the replay starts unhalted
 * ({@link ReplayHalt}).
 */
public class ReplayFileReader implements Processor {

    /** The file's records in line order: each a parsed line (a map) or, when it could not be parsed, its text. */
    public static final String RECORDS = "bridgeReplayRecords";

    private final ObjectMapper mapper;

    public ReplayFileReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) {
        List<Object> records = new ArrayList<>();
        List<Object> events = new ArrayList<>();
        for (String line : exchange.getIn().getBody(String.class).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Object record = parse(line);
            records.add(record);
            events.add(eventOf(record, records.size()));
        }
        exchange.setProperty(BridgeExchange.RECEIVED_AT, System.currentTimeMillis());
        exchange.setProperty(RECORDS, records);
        exchange.setProperty(ReplayHalt.PROPERTY, new ReplayHalt());
        exchange.getIn().setBody(events);
    }

    private Object parse(String line) {
        try {
            return mapper.readValue(line, Map.class);
        } catch (JsonProcessingException notJson) {
            return line;
        }
    }

    /** The record's event; for anything else, a placeholder the event check rejects with its reason. */
    private static Object eventOf(Object record, int lineNumber) {
        ReplayedEvent replayed = ReplayedEvent.fromLine(record);
        return replayed != null ? replayed : new UnreadableEvent(RejectionCode.UNREADABLE_LINE,
                "line " + lineNumber + " is not a dead-letter or outbox line with an event");
    }
}
