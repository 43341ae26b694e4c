package io.github.segmentabsmartly.bridge.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import io.github.segmentabsmartly.bridge.outcome.EventOutcome;
import io.github.segmentabsmartly.bridge.outcome.EventOutcome.Kind;
import io.github.segmentabsmartly.bridge.outcome.EventNotDeliveredException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class ReadAgainOrDeadLetterTest {

    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();
    private static final Map<String, Object> EVENT = Map.of("type", "track", "event", "A", "messageId", "m-1");
    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final ReadAgainOrDeadLetter decide = new ReadAgainOrDeadLetter(Duration.ofSeconds(60), now::get);

    @Test
    void aRecordFailingInsideTheBridgeIsReadAgainUntilItHasFailedForTheWholeTimeThenDeadLettered() throws Exception {
        assertReadAgain(failedAt(0, 7, "internal_error"));
        now.addAndGet(60 * SECOND - 1);
        assertReadAgain(failedAt(0, 7, "internal_error"));
        now.addAndGet(1);

        Exchange last = failedAt(0, 7, "internal_error");
        decide.process(last);

        EventOutcome outcome = last.getProperty(BridgeExchange.OUTCOME, EventOutcome.class);
        assertEquals(Kind.DEAD_LETTERED, outcome.kind());
        assertEquals("internal_error", outcome.reasonCode());
        assertEquals("failed inside the bridge each time it was read for 60 s: internal error: boom",
                outcome.fullReason());
        assertEquals("m-1", outcome.messageId());
        assertTrue(outcome.keptForReplay());
        assertEquals(new SegmentEvent(EVENT), last.getProperty(BridgeExchange.EVENT));
    }

    @Test
    void theTimeStartsAgainForTheNextRecordOfThePartitionAndIsKeptPerPartition() throws Exception {
        assertReadAgain(failedAt(0, 7, "internal_error"));
        now.addAndGet(30 * SECOND);
        assertReadAgain(failedAt(1, 3, "internal_error"));
        now.addAndGet(30 * SECOND);
        assertReadAgain(failedAt(0, 8, "internal_error"));
        assertReadAgain(failedAt(1, 3, "internal_error"));
        now.addAndGet(30 * SECOND);

        decide.process(failedAt(1, 3, "internal_error"));
        assertReadAgain(failedAt(0, 8, "internal_error"));
    }

    @Test
    void aFailureThatIsNotTheRecordsIsReadAgainForAsLongAsItLasts() throws Exception {
        assertReadAgain(failedAt(0, 7, "collector_unavailable"));
        now.addAndGet(3600 * SECOND);
        assertReadAgain(failedAt(0, 7, "collector_unavailable"));
        assertReadAgain(failedAt(0, 7, "file_not_written"));
    }

    @Test
    void aRecordWithNoEventToKeepIsReadAgain() {
        Exchange notALine = failedAt(0, 7, "internal_error");
        notALine.removeProperty(QueuedEvent.RECORD_EVENT);
        now.addAndGet(3600 * SECOND);

        assertReadAgain(notALine);
    }

    @Test
    void aRecordWhoseKafkaHeadersAreGoneIsReadAgain() {
        Exchange noOffset = failedAt(0, 7, "internal_error");
        noOffset.getMessage().removeHeader(KafkaConstants.OFFSET);
        now.addAndGet(3600 * SECOND);

        assertReadAgain(noOffset);
    }

    private void assertReadAgain(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertSame(failure, assertThrows(EventNotDeliveredException.class, () -> decide.process(exchange)));
        assertEquals(null, exchange.getProperty(BridgeExchange.OUTCOME));
    }

    private static Exchange failedAt(int partition, long offset, String reasonCode) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getMessage().setHeader(KafkaConstants.TOPIC, "events");
        exchange.getMessage().setHeader(KafkaConstants.PARTITION, partition);
        exchange.getMessage().setHeader(KafkaConstants.OFFSET, offset);
        exchange.setProperty(QueuedEvent.RECORD_EVENT, EVENT);
        EventOutcome notNow = new EventOutcome(0, "m-1", Kind.RETRY_LATER, "internal error: boom", null, 5L, reasonCode,
                null);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new EventNotDeliveredException(notNow));
        return exchange;
    }
}
