package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.segmentabsmartly.bridge.support.EditedRoutes;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing a route file while the bridge runs changes its behaviour without a restart. */
class RouteReloadTest {

    static final String PAGE = "{\"type\":\"page\",\"name\":\"Home\",\"userId\":\"u\"}";

    @TempDir
    Path dataDir;
    @TempDir
    Path routes;

    @Test
    void editedRouteTakesEffectWhileRunning() throws Exception {
        EditedRoutes edited = EditedRoutes.copyTo(routes);
        try (RunningBridge bridge = RunningBridge.dryRun(dataDir,
                "camel.main.routes-include-pattern", edited.includePattern(),
                "camel.main.routes-reload-enabled", "true",
                "camel.main.routes-reload-directory", routes.toString())) {
            assertEquals("page view tracking is off (ABSMARTLY_ENABLE_PAGE_VIEW_TRACKING)", reasonForPage(bridge));

            edited.replace("events.yaml", "ref: markPageTrackingOff", "ref: markIgnored");

            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!reasonForPage(bridge).equals("page calls are not sent to ABsmartly")) {
                if (System.nanoTime() > deadline) {
                    fail("the edited route was not reloaded within 30 s");
                }
                Thread.sleep(100);
            }
        }
    }

    private static String reasonForPage(RunningBridge bridge) throws Exception {
        return tree(bridge.post("/segment", PAGE).body()).path("reason").asText();
    }
}
