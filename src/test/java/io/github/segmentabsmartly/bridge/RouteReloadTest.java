package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.HealthTest.READY;
import static io.github.segmentabsmartly.bridge.HealthTest.check;
import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.support.ChildBridge;
import io.github.segmentabsmartly.bridge.support.EditedRoutes;
import io.github.segmentabsmartly.bridge.support.Eventually;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        try (RunningBridge bridge = watching(edited)) {
            assertEquals("page view tracking is off (ABSMARTLY_ENABLE_PAGE_VIEW_TRACKING)", reasonForPage(bridge));
            long routesBefore = bridge.startedRoutes();

            edited.replace("events.yaml", "constant: page_tracking_off", "constant: pages are not goals here");
            // and before the bridge stops: Camel's stop and a reload do not mix
            Eventually.waitUntil("the edit reloaded", () -> bridge.routeReloads() == 1);

            assertEquals("pages are not goals here", reasonForPage(bridge));
            assertEquals(routesBefore, bridge.startedRoutes());
            assertEquals(200, bridge.managementWhen(READY, 200).statusCode());
        }
    }

    /** The README's example edit, as it stands there, put first in the content-based router. */
    @Test
    void theReadmesExampleEditIgnoresHeartbeats() throws Exception {
        EditedRoutes edited = EditedRoutes.copyTo(routes);
        try (RunningBridge bridge = watching(edited)) {
            edited.replace("events.yaml", "            when:\n              # \"AB Smartly\"",
                    "            when:\n" + readmeExampleEdit() + "              # \"AB Smartly\"");
            Eventually.waitUntil("the edit reloaded", () -> bridge.routeReloads() == 1);

            HttpResponse<String> heartbeat =
                    bridge.post("/segment", "{\"type\":\"track\",\"event\":\"Heartbeat\",\"userId\":\"u\"}");
            assertEquals(200, heartbeat.statusCode());
            assertEquals("ignored", tree(heartbeat.body()).path("outcome").asText());
            assertEquals("heartbeats are not goals", tree(heartbeat.body()).path("reason").asText());
            assertEquals("dry-run", tree(bridge.post("/segment", TRACK).body()).path("outcome").asText());
        }
    }

    /**
     * A saved edit that Camel cannot build (here a step to a component that does not exist) takes that file's routes
     * away until it is fixed: events are answered "send again" meanwhile, so their senders keep them.
     */
    @Test
    void anEditThatCannotBeBuiltAsksSendersToSendAgainUntilItIsFixed() throws Exception {
        EditedRoutes edited = EditedRoutes.copyTo(routes);
        String working = "        - process:\n            ref: eventCheck\n";
        String broken = working + "        - to: nosuchcomponent:x\n";
        try (RunningBridge bridge = watching(edited)) {
            assertEquals(200, bridge.post("/segment", TRACK).statusCode());
            long routesBefore = bridge.startedRoutes();

            edited.replace("events.yaml", working, broken);
            Eventually.waitUntil("the broken edit reloaded", () -> bridge.routeReloads() == 1);

            HttpResponse<String> meanwhile = bridge.post("/segment", TRACK);
            assertEquals(503, meanwhile.statusCode());
            assertEquals("retry-later", tree(meanwhile.body()).path("outcome").asText(), meanwhile.body());
            HttpResponse<String> notReady = bridge.management(READY);
            assertEquals(503, notReady.statusCode(), notReady.body());
            assertEquals("DOWN", check(notReady, "route-reload").path("status").asText());
            String why = check(notReady, "route-reload").path("message").asText();
            assertTrue(why.matches("\\d+ route\\(s\\) not running until events\\.yaml is fixed: its last edit could"
                    + " not be loaded: .*nosuchcomponent.*"), why);

            edited.replace("events.yaml", broken, working);
            Eventually.waitUntil("the fixed edit reloaded", () -> bridge.routeReloads() == 2);

            assertEquals(routesBefore, bridge.startedRoutes());
            assertEquals("dry-run", tree(bridge.post("/segment", TRACK).body()).path("outcome").asText());
            assertEquals(200, bridge.managementWhen(READY, 200).statusCode());
        }
    }

    /** An edit that is not even YAML fails before Camel takes any route away: the routes from before it still run. */
    @Test
    void anEditThatIsNotYamlLeavesTheRoutesFromBeforeItRunning() throws Exception {
        EditedRoutes edited = EditedRoutes.copyTo(routes);
        try (RunningBridge bridge = watching(edited)) {
            long routesBefore = bridge.startedRoutes();

            edited.replace("events.yaml", "- route:", "- route: [");
            Eventually.waitUntil("the edit reloaded", () -> bridge.routeReloads() == 1);

            assertEquals(routesBefore, bridge.startedRoutes());
            assertEquals("dry-run", tree(bridge.post("/segment", TRACK).body()).path("outcome").asText());
            HttpResponse<String> ready = bridge.managementWhen(HealthTest.READY_IN_FULL, 200);
            assertEquals(200, ready.statusCode(), ready.body());
            assertTrue(check(ready, "route-reload").path("message").asText()
                    .matches("the edit of events\\.yaml could not be loaded; the routes from before it still run: .+"),
                    ready.body());
        }
    }

    /** A dry-run bridge on the copied routes, reloading them when they are edited. */
    private RunningBridge watching(EditedRoutes edited) throws Exception {
        return RunningBridge.dryRun(dataDir, "camel.main.routes-include-pattern", edited.includePattern(),
                "camel.main.routes-reload-enabled", "true", "camel.main.routes-reload-directory", routes.toString());
    }

    /** The YAML block of the README's "Edit the routes" section. */
    private static String readmeExampleEdit() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## Edit the routes");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    private static String reasonForPage(RunningBridge bridge) throws Exception {
        return tree(bridge.post("/segment", PAGE).body()).path("reason").asText();
    }
}
