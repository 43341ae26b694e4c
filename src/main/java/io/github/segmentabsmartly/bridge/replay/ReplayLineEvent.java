package io.github.segmentabsmartly.bridge.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.event.RejectionCode;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import io.github.segmentabsmartly.bridge.event.UnreadableEvent;
import io.github.segmentabsmartly.bridge.outcome.EventOutcome;
import io.github.segmentabsmartly.bridge.outcome.Outcomes;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;

/**
 * A replayed line's event, as a list of one for the route to send: the event of a dead-letter or outbox line, with the
 * source it came from (a refused event's dedup key forgotten, so that its replay is delivered); for a line that is
 * not one, its rejection. Once the file's replay has halted, nothing is sent: the event is to be sent again later.
 */
public class ReplayLineEvent implements Processor {

    /** The line being replayed, for ReplayLeftover. */
    static final String LINE = "absmartlyReplayLine";

    private final ObjectMapper mapper;
    private final IdempotentRepository dedup;

    public ReplayLineEvent(ObjectMapper mapper, IdempotentRepository dedup) {
        this.mapper = mapper;
        this.dedup = dedup;
    }

    @Override
    public void process(Exchange exchange) {
        ReplayLine line = exchange.getIn().getBody(ReplayLine.class);
        exchange.setProperty(LINE, line);
        exchange.setProperty(Exchange.SPLIT_INDEX, line.number() - 1);
        ReplayedEvent replayed = read(line.text());
        if (replayed == null) {
            exchange.getIn().setBody(List.of(new UnreadableEvent(RejectionCode.UNREADABLE_LINE,
                    "line " + line.number() + " is not a dead-letter or outbox line with an event")));
            return;
        }
        exchange.setProperty(BridgeExchange.SOURCE, replayed.source());
        if (line.halt().cause() != null) {
            exchange.setProperty(BridgeExchange.EVENT, new SegmentEvent(replayed.event()));
            Outcomes.record(exchange, EventOutcome.Kind.RETRY_LATER, ReplayHalt.REASON_CODE, "not sent: "
                    + line.halt().cause());
            exchange.getIn().setBody(List.of());
            return;
        }
        replayed.forgetIfRefused(dedup);
        exchange.getIn().setBody(List.of(replayed.event()));
    }

    private ReplayedEvent read(String text) {
        try {
            return text == null ? null : ReplayedEvent.fromLine(mapper.readValue(text, Map.class));
        } catch (IOException notJson) {
            return null;
        }
    }
}
