package io.github.segmentabsmartly.bridge.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.event.RejectionCode;
import io.github.segmentabsmartly.bridge.ingest.EventOutcome;
import io.github.segmentabsmartly.bridge.ingest.EventOutcome.Kind;
import io.github.segmentabsmartly.bridge.ingest.UnreadableEvent;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** A replay stops sending after an event the Collector could not take now, and only then. */
class ReplayHaltTest {

    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();

    private final ReplayHalt halt = new ReplayHalt();
    private final HaltReplayOnCollectorAway outcomes = new HaltReplayOnCollectorAway((gathered, event) -> event);
    private final SkipWhenReplayHalted skip = new SkipWhenReplayHalted();

    @Test
    void theEventsAfterOneTheCollectorCouldNotTakeNowAreNotSent() {
        outcomes.aggregate(null, ended(0, Kind.DELIVERED, null));
        Exchange next = event(Map.of("type", "track", "event", "B", "messageId", "m-2"));
        skip.process(next);
        assertNull(next.getProperty(BridgeExchange.OUTCOME));

        outcomes.aggregate(null, ended(1, Kind.RETRY_LATER, "no_answer"));
        outcomes.aggregate(null, ended(2, Kind.RETRY_LATER, "http_503"));
        Exchange after = event(Map.of("type", "track", "event", "C", "messageId", "m-3"));
        skip.process(after);

        EventOutcome notSent = after.getProperty(BridgeExchange.OUTCOME, EventOutcome.class);
        assertEquals(Kind.RETRY_LATER, notSent.kind());
        assertEquals("replay_halted", notSent.reasonCode());
        assertEquals("m-3", notSent.messageId());
        assertEquals("not sent: the Collector could not take the event of line 2 now (no_answer here)",
                notSent.reason());
    }

    @Test
    void anInternalErrorIsTheEventsOwnAndTheReplayGoesOn() {
        outcomes.aggregate(null, ended(0, Kind.RETRY_LATER, "internal_error"));
        outcomes.aggregate(null, ended(1, Kind.REJECTED, "no_unit"));
        Exchange next = event(Map.of("type", "track", "event", "B"));

        skip.process(next);

        assertNull(next.getProperty(BridgeExchange.OUTCOME));
    }

    @Test
    void aLineThatIsNotAnEventIsStillCheckedOnceHalted() {
        outcomes.aggregate(null, ended(0, Kind.RETRY_LATER, "no_answer"));
        Exchange unreadable = event(new UnreadableEvent(RejectionCode.UNREADABLE_LINE, "line 2 is not a line"));

        skip.process(unreadable);

        assertNull(unreadable.getProperty(BridgeExchange.OUTCOME));
    }

    private Exchange ended(int index, Kind kind, String reasonCode) {
        Exchange exchange = event(Map.of());
        exchange.setProperty(BridgeExchange.OUTCOME, new EventOutcome(index, null, kind,
                reasonCode == null ? null : reasonCode + " here", null, null, false, reasonCode));
        return exchange;
    }

    private Exchange event(Object body) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.setProperty(ReplayHalt.PROPERTY, halt);
        exchange.getIn().setBody(body);
        return exchange;
    }
}
