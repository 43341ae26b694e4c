package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.segmentabsmartly.bridge.support.EditedRoutes;
import io.github.segmentabsmartly.bridge.support.Eventually;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing a route file while the bridge runs changes its behaviour without a restart, and a broken edit loses nothing. */
class RouteReloadTest {

    static final String PAGE = "{\"type\":\"page\",\"name\":\"Home\",\"userId\":\"u\"}";
    static final String TRACK = "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\"}";

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
            long routesBefore = bridge.startedRoutes();

            edited.replace("events.yaml", "ref: markPageTrackingOff", "ref: markIgnored");

            Eventually.waitUntil("the edited route reloaded",
                    () -> reasonForPage(bridge).equals("page calls are not sent to ABsmartly"));
            // the file's other routes too, before the bridge stops (Camel's stop and a reload do not mix)
            Eventually.waitUntil("the reload ended", () -> bridge.startedRoutes() == routesBefore);
        }
    }

    /**
     * A saved edit that Camel cannot build (here a step to a component that does not exist) takes that file's routes
     * away until it is fixed: events are answered "send again" meanwhile, so their senders keep them.
     */
    @Test
    void anEditThatCannotBeBuiltAsksSendersToSendAgainUntilItIsFixed() throws Exception {
        EditedRoutes edited = EditedRoutes.copyTo(routes);
        String working = "        - setExchangePattern: InOnly\n";
        String broken = working + "        - to: nosuchcomponent:x\n";
        try (RunningBridge bridge = RunningBridge.dryRun(dataDir,
                "camel.main.routes-include-pattern", edited.includePattern(),
                "camel.main.routes-reload-enabled", "true",
                "camel.main.routes-reload-directory", routes.toString())) {
            assertEquals(200, bridge.post("/segment", TRACK).statusCode());
            long routesBefore = bridge.startedRoutes();

            edited.replace("events.yaml", working, broken);
            Eventually.waitUntil("the broken edit reloaded", () -> bridge.post("/segment", TRACK).statusCode() == 503);
            HttpResponse<String> meanwhile = bridge.post("/segment", TRACK);
            assertEquals("retry-later", tree(meanwhile.body()).path("outcome").asText(), meanwhile.body());

            edited.replace("events.yaml", broken, working);
            Eventually.waitUntil("the fixed edit reloaded", () -> bridge.startedRoutes() == routesBefore);
            assertEquals("dry-run", tree(bridge.post("/segment", TRACK).body()).path("outcome").asText());
        }
    }

    private static String reasonForPage(RunningBridge bridge) throws Exception {
        return tree(bridge.post("/segment", PAGE).body()).path("reason").asText();
    }
}
