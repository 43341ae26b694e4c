package io.github.segmentabsmartly.bridge.health;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness: whether the bridge can write what it keeps on disk (BRIDGE_DATA_DIR: dead letters, a dry run's outbox,
 * the replay folder). A dead letter that cannot be written is answered "send again", so an event the Collector
 * refused would go round until its sender gave up; this shows a data directory that cannot be written (a read-only
 * or missing volume) at start, before an event needs it, and whenever it happens later.
 */
public final class DataDirHealthCheck extends ReadinessCheck {

    public static final String ID = "data-dir";
    private static final List<String> FOLDERS = List.of("dead-letter", "outbox", "replay");

    private final Path dataDir;
    private final boolean details;

    /** @param details whether the answer may show the directory's path (BRIDGE_HEALTH_DETAILS) */
    public DataDirHealthCheck(Path dataDir, boolean details) {
        super(ID);
        this.dataDir = dataDir;
        this.details = details;
    }

    /** Messages name folders, not paths: Camel's health answer shows each slash of a message escaped twice over. */
    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (details) {
            builder.detail("data.dir", dataDir.toString());
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException notCreated) {
            builder.down().message("BRIDGE_DATA_DIR cannot be created: " + reason(notCreated));
            return;
        }
        if (!Files.isWritable(dataDir)) {
            builder.down().message("BRIDGE_DATA_DIR cannot be written");
            return;
        }
        for (String folder : FOLDERS) {
            Path path = dataDir.resolve(folder);
            if (Files.exists(path) && !(Files.isDirectory(path) && Files.isWritable(path))) {
                builder.down().message("the " + folder + " folder of BRIDGE_DATA_DIR cannot be written");
                return;
            }
        }
        builder.up();
    }

    private static String reason(IOException failure) {
        return failure instanceof FileSystemException system && system.getReason() != null
                ? system.getReason() : failure.getClass().getSimpleName();
    }
}
