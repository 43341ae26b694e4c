package io.github.segmentabsmartly.bridge.queue;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import io.github.segmentabsmartly.bridge.outcome.EventOutcome;
import io.github.segmentabsmartly.bridge.outcome.EventOutcome.Kind;
import io.github.segmentabsmartly.bridge.outcome.Outcomes;
import io.github.segmentabsmartly.bridge.outcome.EventNotDeliveredException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * For a record whose event was not delivered: whether the consumer reads it again (the failure is thrown on) or it
 * is dead-lettered (its outcome set for {@code direct:absmartly-dead-letter}). Reading a record again holds up the
 * records behind it in its partition. That is right while the Collector is away or a file cannot be written, which
 * is not the record's doing; but an event that fails inside the bridge (internal_error: a bug, a route edit gone
 * wrong) may fail that way for good. Such a record is read again for a while, which a passing cause (a route
 * reload) outlasts, and then kept in the dead letters, to be replayed once the cause is fixed.
 */
public class ReadAgainOrDeadLetter implements Processor {

    private final Duration retryFor;
    private final LongSupplier nanoClock;
    /** By partition, the record failing there and since when: a partition waits on its one failing record. */
    private final Map<String, FirstFailure> failing = new ConcurrentHashMap<>();

    public ReadAgainOrDeadLetter(Duration retryFor) {
        this(retryFor, System::nanoTime);
    }

    ReadAgainOrDeadLetter(Duration retryFor, LongSupplier nanoClock) {
        this.retryFor = retryFor;
        this.nanoClock = nanoClock;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> event = exchange.getProperty(QueuedEvent.RECORD_EVENT, Map.class);
        // without the record's offset (a route edit that dropped the Kafka headers) it cannot be told from the next
        Long offset = exchange.getMessage().getHeader(KafkaConstants.OFFSET, Long.class);
        if (!(failure instanceof EventNotDeliveredException notDelivered)
                || !notDelivered.outcome().isInternalError() || event == null || offset == null) {
            throw failure;
        }
        String partition = exchange.getMessage().getHeader(KafkaConstants.TOPIC, String.class) + "-"
                + exchange.getMessage().getHeader(KafkaConstants.PARTITION, String.class);
        long now = nanoClock.getAsLong();
        FirstFailure first = failing.compute(partition,
                (key, known) -> known != null && known.offset() == offset ? known : new FirstFailure(offset, now));
        if (now - first.atNanos() < retryFor.toNanos()) {
            throw failure;
        }
        failing.remove(partition);
        exchange.setProperty(BridgeExchange.EVENT, new SegmentEvent(event));
        Outcomes.record(exchange, Kind.DEAD_LETTERED, EventOutcome.INTERNAL_ERROR, "failed inside the bridge each time"
                + " it was read for " + retryFor.toSeconds() + " s", notDelivered.outcome().fullReason(), null, null);
    }

    private record FirstFailure(long offset, long atNanos) {
    }
}
