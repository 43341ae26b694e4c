package io.github.segmentabsmartly.bridge.dedup;

import io.github.segmentabsmartly.bridge.queue.KafkaClients;
import io.github.segmentabsmartly.bridge.settings.DedupSettings;
import io.github.segmentabsmartly.bridge.settings.QueueSettings;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The idempotent repository behind messageId deduplication, as BRIDGE_DEDUP_STORE chooses. */
public final class DedupStores {

    /** The name under which the JDBC store keeps its ids (Camel's "processor name" column). */
    static final String PROCESSOR_NAME = "segment-absmartly-bridge";
    private static final int KAFKA_POLL_MS = 100;

    private DedupStores() {
    }

    public static IdempotentRepository create(DedupSettings settings, QueueSettings queue, CamelContext context) {
        return switch (settings.store()) {
            case MEMORY -> new MessageIdWindow(settings.windowSize());
            case JDBC -> new RecordedWhenDone(
                    () -> new JdbcMessageIdRepository(dataSource(settings.jdbcUrl()), PROCESSOR_NAME));
            case KAFKA -> new RecordedWhenDone(() -> kafkaStore(settings, queue, context));
            case NONE -> new NoDedup();
        };
    }

    private static DataSource dataSource(String url) {
        return url.startsWith("jdbc:h2:") ? JdbcConnectionPool.create(url, "sa", "") : new DriverManagerDataSource(url);
    }

    /**
     * Camel's Kafka repository: every instance reads the topic into its own cache, and publishes the ids it
     * records. Its clients take the kafka component's settings (camel.component.kafka.*: SASL, TLS, ...).
     */
    private static IdempotentRepository kafkaStore(DedupSettings settings, QueueSettings queue, CamelContext context) {
        KafkaIdempotentRepository store = new KafkaIdempotentRepository(settings.kafkaTopic(),
                KafkaClients.consumerProperties(context, queue.brokers()),
                KafkaClients.producerProperties(context, queue.brokers()), settings.windowSize(), KAFKA_POLL_MS);
        store.setCamelContext(context);
        return store;
    }
}
