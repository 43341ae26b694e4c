package io.github.segmentabsmartly.bridge.dedup;

import io.github.segmentabsmartly.bridge.settings.DedupSettings;
import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The idempotent repository behind messageId deduplication, as BRIDGE_DEDUP_STORE chooses. */
public final class DedupStores {

    /** The name under which the JDBC store keeps its ids (Camel's "processor name" column). */
    static final String PROCESSOR_NAME = "segment-absmartly-bridge";

    private DedupStores() {
    }

    public static IdempotentRepository create(DedupSettings settings) {
        return switch (settings.store()) {
            case MEMORY -> MemoryIdempotentRepository.memoryIdempotentRepository(settings.windowSize());
            case JDBC -> new JdbcMessageIdRepository(dataSource(settings.jdbcUrl()), PROCESSOR_NAME);
            case NONE -> new NoDedup();
        };
    }

    private static DataSource dataSource(String url) {
        return url.startsWith("jdbc:h2:") ? JdbcConnectionPool.create(url, "sa", "") : new DriverManagerDataSource(url);
    }
}
