package io.github.segmentabsmartly.bridge.queue;

import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Settings for the Kafka clients the bridge makes itself (topic creation, the Kafka dedup store): those of the
 * kafka component (camel.component.kafka.*: SASL, TLS, ...), so that they reach the same cluster the routes do.
 */
public final class KafkaClients {

    private KafkaClients() {
    }

    public static Properties producerProperties(CamelContext context, String brokers) {
        return withBrokers(configuration(context).createProducerProperties(), brokers);
    }

    public static Properties consumerProperties(CamelContext context, String brokers) {
        Properties consumer = configuration(context).createConsumerProperties();
        consumer.remove("group.id");
        return withBrokers(consumer, brokers);
    }

    private static KafkaConfiguration configuration(CamelContext context) {
        return context.getComponent("kafka", KafkaComponent.class).getConfiguration().copy();
    }

    private static Properties withBrokers(Properties properties, String brokers) {
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, brokers);
        return properties;
    }
}
