package io.github.segmentabsmartly.bridge.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory the bridge cannot write makes it not ready, before a dead letter needs it. */
class DataDirHealthCheckTest {

    @TempDir
    Path temp;
    final DefaultCamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() throws Exception {
        context.close();
    }

    @Test
    void aDataDirectoryThatCanBeWrittenIsReadyAndMadeWhenMissing() {
        Path dataDir = temp.resolve("data");

        HealthCheck.Result result = call(dataDir);

        assertEquals(HealthCheck.State.UP, result.getState());
        assertTrue(Files.isDirectory(dataDir));
    }

    @Test
    void aDataDirectoryThatCannotBeMadeIsNotReady() throws Exception {
        Path file = Files.writeString(temp.resolve("data"), "a file where the folder should be");

        HealthCheck.Result result = call(file.resolve("inside"));

        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertEquals(Optional.of("BRIDGE_DATA_DIR cannot be created: Not a directory"), result.getMessage());
    }

    @Test
    void aFolderOfItThatCannotBeWrittenIsNotReady() throws Exception {
        Files.writeString(temp.resolve("dead-letter"), "a file where the folder should be");

        HealthCheck.Result result = call(temp);

        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertEquals(Optional.of("the dead-letter folder of BRIDGE_DATA_DIR cannot be written"), result.getMessage());
    }

    private HealthCheck.Result call(Path dataDir) {
        DataDirHealthCheck check = new DataDirHealthCheck(dataDir, true);
        check.setCamelContext(context);
        return check.call();
    }
}
