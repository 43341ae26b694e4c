package io.github.segmentabsmartly.bridge.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.replay.ReplayedEvent;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Reads a Kafka record (a queue or dead-letter line) back into its event and source (a dead letter's messageId
 * forgotten by deduplication, as in a replayed file), for {@code direct:absmartly-sink}, and keeps the record's
 * offset commit aside for {@link CommitOffset} and its event for {@link ReadAgainOrDeadLetter}: the sink's answer
 * replaces the message and its headers. A record that is not such a line is left as it is, for the sink to reject
 * with its reason.
 */
public class QueuedEvent implements Processor {

    /** The record's event as it was read, for {@link ReadAgainOrDeadLetter} to dead-letter. */
    static final String RECORD_EVENT = "absmartlyRecordEvent";

    private final ObjectMapper mapper;
    private final IdempotentRepository dedup;

    public QueuedEvent(ObjectMapper mapper, IdempotentRepository dedup) {
        this.mapper = mapper;
        this.dedup = dedup;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.setProperty(CommitOffset.PROPERTY, exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT));
        ReplayedEvent replayed = read(exchange.getMessage().getBody(byte[].class));
        if (replayed != null) {
            replayed.forgetIfRefused(dedup);
            exchange.setProperty(BridgeExchange.SOURCE, replayed.source());
            exchange.setProperty(RECORD_EVENT, replayed.event());
            exchange.getMessage().setBody(replayed.event());
        }
    }

    private ReplayedEvent read(byte[] line) {
        try {
            return line == null ? null : ReplayedEvent.fromLine(mapper.readValue(line, Object.class));
        } catch (IOException notALine) {
            return null;
        }
    }
}
