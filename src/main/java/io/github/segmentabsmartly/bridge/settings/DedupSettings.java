package io.github.segmentabsmartly.bridge.settings;

import java.util.Locale;

/**
 * How messageIds already delivered are remembered, so that a resent event is not delivered twice.
 *
 * @param store      where: in memory (lost on restart), in a JDBC database, in a Kafka topic (kafka mode: seen
 *                   by every instance), or not at all
 * @param windowSize how many messageIds the in-memory and Kafka stores keep (the oldest are forgotten first)
 * @param jdbcUrl    the database of the JDBC store
 * @param kafkaTopic the topic of the Kafka store
 */
public record DedupSettings(Store store, int windowSize, String jdbcUrl, String kafkaTopic) {

    public enum Store { MEMORY, JDBC, KAFKA, NONE }

    static Store parseStore(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
            case "memory", "" -> Store.MEMORY;
            case "jdbc" -> Store.JDBC;
            case "kafka" -> Store.KAFKA;
            case "none" -> Store.NONE;
            default -> throw new InvalidSettingException(
                    "BRIDGE_DEDUP_STORE must be 'memory', 'jdbc', 'kafka' or 'none', not '" + text + "'");
        };
    }
}
