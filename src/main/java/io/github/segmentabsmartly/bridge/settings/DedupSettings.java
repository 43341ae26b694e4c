package io.github.segmentabsmartly.bridge.settings;

import java.util.Locale;

/**
 * How messageIds already delivered are remembered, so that a resent event is not delivered twice.
 *
 * @param store      where: in memory (lost on restart), in a JDBC database, or not at all
 * @param windowSize how many messageIds the in-memory store keeps (the oldest are forgotten first)
 * @param jdbcUrl    the database of the JDBC store
 */
public record DedupSettings(Store store, int windowSize, String jdbcUrl) {

    public enum Store { MEMORY, JDBC, NONE }

    static Store parseStore(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
            case "memory", "" -> Store.MEMORY;
            case "jdbc" -> Store.JDBC;
            case "none" -> Store.NONE;
            default -> throw new InvalidSettingException(
                    "BRIDGE_DEDUP_STORE must be 'memory', 'jdbc' or 'none', not '" + text + "'");
        };
    }
}
