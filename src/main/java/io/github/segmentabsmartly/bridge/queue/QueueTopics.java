package io.github.segmentabsmartly.bridge.queue;

import io.github.segmentabsmartly.bridge.settings.DedupSettings;
import io.github.segmentabsmartly.bridge.settings.QueueSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics kafka mode uses when they are missing, with BRIDGE_KAFKA_PARTITIONS and
 * BRIDGE_KAFKA_REPLICATION_FACTOR, before any route reads or writes them: a topic the broker created by itself
 * would have its default partition count. Existing topics are left as they are.
 */
public final class QueueTopics {

    private static final Logger LOG = LoggerFactory.getLogger(QueueTopics.class);
    private static final long TIMEOUT_SECONDS = 30;

    private QueueTopics() {
    }

    public static void ensure(CamelContext context, QueueSettings queue, DedupSettings dedup) throws Exception {
        List<String> wanted = new ArrayList<>(List.of(queue.topic(), queue.deadLetterTopic()));
        if (dedup.store() == DedupSettings.Store.KAFKA) {
            wanted.add(dedup.kafkaTopic());
        }
        try (Admin admin = Admin.create(KafkaClients.producerProperties(context, queue.brokers()))) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().distinct().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, queue.partitions(), queue.replicationFactor())).toList();
            if (!missing.isEmpty()) {
                createOrFindCreated(admin, missing);
                LOG.info("Created Kafka topics {}", missing.stream().map(NewTopic::name).toList());
            }
        }
    }

    /** Another instance starting at the same moment may have created them first: that is fine. */
    private static void createOrFindCreated(Admin admin, List<NewTopic> missing) throws Exception {
        try {
            admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            if (!(failed.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw failed;
            }
        } catch (TimeoutException slow) {
            throw new IllegalStateException("Kafka did not create the topics " + missing + " within "
                    + TIMEOUT_SECONDS + " s", slow);
        }
    }
}
