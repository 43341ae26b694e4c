package io.github.segmentabsmartly.bridge.queue;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * Commits the offset of a record whose event is done with (delivered, dead-lettered, rejected, ignored or a
 * duplicate). An event to retry later never gets here: the sink fails the exchange, and the consumer reads the
 * record again.
 */
public class CommitOffset implements Processor {

    /** Where {@link QueuedEvent} keeps the record's {@link KafkaManualCommit}. */
    static final String PROPERTY = "absmartlyKafkaCommit";

    @Override
    public void process(Exchange exchange) {
        exchange.getProperty(PROPERTY, KafkaManualCommit.class).commit();
    }
}
