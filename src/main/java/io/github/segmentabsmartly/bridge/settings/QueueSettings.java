package io.github.segmentabsmartly.bridge.settings;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * BRIDGE_MODE=kafka: events accepted by ingest wait in a Kafka topic, keyed by their first unit, until a
 * delivery consumer sends them to the Collector.
 *
 * @param mode              direct (ingest delivers at once) or kafka
 * @param roles             in kafka mode, what this instance does: ingest (HTTP to topic), deliver (topic to
 *                          Collector), or both
 * @param brokers           Kafka's bootstrap servers
 * @param topic             the topic of accepted events
 * @param deadLetterTopic   the topic dead letters are copied to
 * @param partitions        partitions of the topics the bridge creates when they are missing
 * @param replicationFactor replication factor of the topics the bridge creates
 * @param group             the consumer group of delivery consumers
 * @param internalErrorRetry how long a record whose event fails inside the bridge is read again before it is
 *                          dead-lettered
 */
public record QueueSettings(Mode mode, Set<Role> roles, String brokers, String topic, String deadLetterTopic,
        int partitions, short replicationFactor, String group, Duration internalErrorRetry) {

    public enum Mode { DIRECT, KAFKA }

    public enum Role { INGEST, DELIVER }

    public boolean isKafka() {
        return mode == Mode.KAFKA;
    }

    /** Whether this instance takes events over HTTP (always, in direct mode). */
    public boolean ingests() {
        return !isKafka() || roles.contains(Role.INGEST);
    }

    /** Whether this instance consumes the topic and delivers (kafka mode only). */
    public boolean consumesTopic() {
        return isKafka() && roles.contains(Role.DELIVER);
    }

    static Mode parseMode(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
            case "direct", "" -> Mode.DIRECT;
            case "kafka" -> Mode.KAFKA;
            default -> throw new InvalidSettingException("BRIDGE_MODE must be 'direct' or 'kafka', not '" + text + "'");
        };
    }

    static Set<Role> parseRoles(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : (text == null ? "" : text).split(",")) {
            switch (role.trim().toLowerCase(Locale.ROOT)) {
                case "ingest" -> roles.add(Role.INGEST);
                case "deliver" -> roles.add(Role.DELIVER);
                case "" -> { }
                default -> throw new InvalidSettingException(
                        "BRIDGE_ROLES must list 'ingest', 'deliver' or both, not '" + text + "'");
            }
        }
        if (roles.isEmpty()) {
            throw new InvalidSettingException("BRIDGE_ROLES must list 'ingest', 'deliver' or both");
        }
        return roles;
    }
}
