package io.github.segmentabsmartly.bridge.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.BridgeJson;
import io.github.segmentabsmartly.bridge.event.UnreadableEvent;
import io.github.segmentabsmartly.bridge.outcome.EventOutcome;
import io.github.segmentabsmartly.bridge.outcome.EventOutcome.Kind;
import io.github.segmentabsmartly.bridge.settings.Source;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

/** A replayed file, line by line: what each line sends, what goes to .failed/, and when the replay stops sending. */
class ReplayLinesTest {

    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();
    private static final String LINE = "{\"time\":\"2026-01-01T00:00:00Z\",\"messageId\":\"M\",\"outcome\":\"OUTCOME\","
            + "\"source\":{\"id\":\"write-key:abc\"},\"event\":{\"type\":\"track\",\"event\":\"E\",\"messageId\":\"M\"}}";

    private final IdempotentRepository dedup = MemoryIdempotentRepository.memoryIdempotentRepository();
    private final ReplayLineEvent lineEvent = new ReplayLineEvent(BridgeJson.mapper(), dedup);
    private final ReplayLeftover leftover = new ReplayLeftover(BridgeJson.mapper());

    @Test
    void linesAreGivenOneByOneWithTheirNumbersBlankOnesLeftOutAndTooLongOnesWithoutText() throws Exception {
        Exchange file = new DefaultExchange(CAMEL);
        file.getIn().setBody(new ByteArrayInputStream(("first\n\n   \nsecond\n" + "x".repeat(100) + "\nlast")
                .getBytes(StandardCharsets.UTF_8)));
        List<ReplayLine> lines = new ArrayList<>();
        new ReplayFileLines(10).linesOf(file).forEachRemaining(lines::add);

        assertEquals(List.of(1, 4, 5, 6), lines.stream().map(ReplayLine::number).toList());
        assertEquals("first", lines.get(0).text());
        assertNull(lines.get(2).text());
        assertEquals("last", lines.get(3).text());
    }

    @Test
    void aDeadLetteredEventIsSentWithItsSourceAndItsKeyForgotten() throws Exception {
        dedup.add("write-key:abc:m-1");
        Exchange exchange = lineEvent(new ReplayLine(3, line("m-1", "dead-lettered"), new ReplayHalt()));

        Map<?, ?> event = (Map<?, ?>) exchange.getIn().getBody(List.class).get(0);
        assertEquals("m-1", event.get("messageId"));
        assertEquals("2026-01-01T00:00:00Z", event.get("receivedAt"));
        assertEquals("write-key:abc", exchange.getProperty(BridgeExchange.SOURCE, Source.class).id());
        assertFalse(dedup.contains("write-key:abc:m-1"));
    }

    @Test
    void aLineThatIsNotAnEventIsRejectedWithItsNumber() throws Exception {
        Exchange exchange = lineEvent(new ReplayLine(7, "not json", new ReplayHalt()));

        UnreadableEvent unreadable = (UnreadableEvent) exchange.getIn().getBody(List.class).get(0);
        assertEquals("line 7 is not a dead-letter or outbox line with an event", unreadable.reason());
    }

    @Test
    void afterAnEventTheCollectorCouldNotTakeNowTheLinesAfterItAreNotSentButKept() throws Exception {
        ReplayHalt halt = new ReplayHalt();
        assertEquals("", leftoverOf(new ReplayLine(1, line("m-1", "retry-later"), halt), Kind.DELIVERED, "none"));
        String kept = leftoverOf(new ReplayLine(2, line("m-2", "retry-later"), halt), Kind.RETRY_LATER, "no_answer");
        assertTrue(kept.contains("\"reason\":\"replay: no_answer here\""), kept);

        Exchange next = lineEvent(new ReplayLine(3, line("m-3", "dead-lettered"), halt));

        assertEquals(List.of(), next.getIn().getBody(List.class));
        EventOutcome notSent = next.getProperty(BridgeExchange.OUTCOME, EventOutcome.class);
        assertEquals("replay_halted", notSent.reasonCode());
        assertEquals("not sent: the Collector could not take the event of line 2 now (no_answer here)",
                notSent.reason());
        leftover.process(next);
        assertTrue(next.getIn().getBody(String.class).contains("\"messageId\":\"m-3\""));
    }

    @Test
    void anInternalErrorIsTheEventsOwnAndTheReplayGoesOn() throws Exception {
        ReplayHalt halt = new ReplayHalt();
        leftoverOf(new ReplayLine(1, line("m-1", "retry-later"), halt), Kind.RETRY_LATER, "internal_error");
        leftoverOf(new ReplayLine(2, line("m-2", "retry-later"), halt), Kind.REJECTED, "no_unit");

        assertNull(halt.cause());
    }

    @Test
    void aDeadLetteredOrDuplicateEventLeavesNoLine() throws Exception {
        ReplayHalt halt = new ReplayHalt();
        assertEquals("", leftoverOf(new ReplayLine(1, line("m-1", "retry-later"), halt), Kind.DEAD_LETTERED, "http_400"));
        assertEquals("", leftoverOf(new ReplayLine(2, line("m-2", "retry-later"), halt), Kind.DUPLICATE, "none"));
    }

    private Exchange lineEvent(ReplayLine line) throws Exception {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getIn().setBody(line);
        lineEvent.process(exchange);
        return exchange;
    }

    /** The body ReplayLeftover leaves after a line whose event ended with this outcome. */
    private String leftoverOf(ReplayLine line, Kind kind, String code) throws Exception {
        Exchange exchange = lineEvent(line);
        exchange.getIn().setBody(List.of(new EventOutcome(0, "m", kind, code + " here", null, null, code, null)));
        leftover.process(exchange);
        return exchange.getIn().getBody(String.class);
    }

    private static String line(String messageId, String outcome) {
        return LINE.replace("\"M\"", "\"" + messageId + "\"").replace("OUTCOME", outcome);
    }
}
