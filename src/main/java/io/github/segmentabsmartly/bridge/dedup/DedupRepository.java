package io.github.segmentabsmartly.bridge.dedup;

import io.github.segmentabsmartly.bridge.queue.KafkaClients;
import io.github.segmentabsmartly.bridge.settings.DedupSettings;
import io.github.segmentabsmartly.bridge.settings.QueueSettings;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The idempotent repository the events route deduplicates with (events.yaml), in the store BRIDGE_DEDUP_STORE
 * chooses: the last window-size keys in memory; a JDBC database or a Kafka topic, which outlive the instance and are
 * told of a key only once its event is done with (RecordedWhenDone); or none.
 */
public final class DedupRepository extends ServiceSupport implements IdempotentRepository {

    /** The name under which the JDBC store keeps its keys (Camel's "processor name" column). */
    static final String PROCESSOR_NAME = "segment-absmartly-bridge";
    private static final int KAFKA_POLL_MS = 100;

    private final IdempotentRepository store;

    public DedupRepository(DedupSettings settings, QueueSettings queue, CamelContext context) {
        this.store = switch (settings.store()) {
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
     * Camel's Kafka repository: every instance reads the topic into its own cache, and publishes the keys it records.
     * Its clients take the kafka component's settings (camel.component.kafka.*: SASL, TLS, ...).
     */
    private static IdempotentRepository kafkaStore(DedupSettings settings, QueueSettings queue, CamelContext context) {
        KafkaIdempotentRepository kafka = new KafkaIdempotentRepository(settings.kafkaTopic(),
                KafkaClients.consumerProperties(context, queue.brokers()),
                KafkaClients.producerProperties(context, queue.brokers()), settings.windowSize(), KAFKA_POLL_MS);
        kafka.setCamelContext(context);
        return kafka;
    }

    @Override
    public boolean add(String key) {
        return store.add(key);
    }

    @Override
    public boolean contains(String key) {
        return store.contains(key);
    }

    @Override
    public boolean remove(String key) {
        return store.remove(key);
    }

    @Override
    public boolean confirm(String key) {
        return store.confirm(key);
    }

    @Override
    public void clear() {
        store.clear();
    }

    @Override
    protected void doStart() {
        ServiceHelper.startService(store);
    }

    @Override
    protected void doStop() {
        ServiceHelper.stopService(store);
    }
}
