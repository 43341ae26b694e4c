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

            edited.replace("events.yaml", "ref: markPageTrackingOff", "ref: markIgnored");
            // and before the bridge stops: Camel's stop and a reload do not mix
            Eventually.waitUntil("the edit reloaded", () -> bridge.routeReloads() == 1);

            assertEquals("page calls are not sent to ABsmartly", reasonForPage(bridge));
            assertEquals(routesBefore, bridge.startedRoutes());
            assertEquals(200, bridge.managementWhen(READY, 200).statusCode());
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
            HttpResponse<String> ready = bridge.managementWhen(READY, 200);
            assertEquals(200, ready.statusCode(), ready.body());
            assertTrue(check(ready, "route-reload").path("message").asText()
                    .matches("the edit of events\\.yaml could not be loaded; the routes from before it still run: .+"),
                    ready.body());
        }
    }

    /**
     * A choice that Camel decides once, when its route starts, cannot test the event: left in, it would send every
     * event down one branch (here: every page, track and screen event "ignored", answered 200). The edit is refused
     * as one that cannot be built, and the check says why.
     */
    @Test
    void anEditThatDecidesOnTheEventAtStartIsRefused() throws Exception {
        EditedRoutes edited = EditedRoutes.copyTo(routes);
        try (RunningBridge bridge = watching(edited)) {
            decideByTypeAtStart(edited);
            Eventually.waitUntil("the edit reloaded", () -> bridge.routeReloads() == 1);

            HttpResponse<String> meanwhile = bridge.post("/segment", TRACK);
            assertEquals(503, meanwhile.statusCode(), meanwhile.body());
            HttpResponse<String> notReady = bridge.management(READY);
            assertEquals("DOWN", check(notReady, "route-reload").path("status").asText(), notReady.body());
            String why = check(notReady, "route-reload").path("message").asText();
            assertTrue(why.contains("route absmartly-event-by-type (events.yaml): a choice with precondition: true is"
                    + " decided once, when the route starts, with no event to read, but its when (simple:"
                    + " ${exchangeProperty.bridgeEventType} == 'track' && ${exchangeProperty.bridgeEventName} =="
                    + " 'Experiment Viewed') reads the event with ${exchangeProperty...}."), why);
        }
    }

    /** The same route file at start: the bridge does not start, and says why in one line, as for a bad setting. */
    @Test
    void aRouteFileThatDecidesOnTheEventAtStartStopsTheBridge() throws Exception {
        EditedRoutes edited = decideByTypeAtStart(EditedRoutes.copyTo(routes));

        ChildBridge bridge = ChildBridge.start(Map.of("BRIDGE_DATA_DIR", dataDir.toString(),
                "CAMEL_MAIN_ROUTESINCLUDEPATTERN", edited.includePattern(), "CAMEL_MAIN_ROUTESRELOADENABLED", "false"));
        List<String> errorLines = bridge.awaitExit();

        assertEquals(BridgeMain.INVALID_CONFIGURATION, bridge.process().exitValue());
        assertEquals(1, errorLines.size(), String.join("\n", errorLines));
        assertTrue(errorLines.get(0).startsWith("segment-absmartly-bridge cannot start: route absmartly-event-by-type"
                + " (events.yaml): a choice with precondition: true is decided once, when the route starts"),
                errorLines.get(0));
    }

    /** Makes the choice of absmartly-event-by-type, which tests each event's type, one decided when it starts. */
    private static EditedRoutes decideByTypeAtStart(EditedRoutes edited) throws Exception {
        String byType = "hop costs CPU on every event.\n        - choice:\n";
        return edited.replace("events.yaml", byType, byType + "            precondition: true\n");
    }

    /** A dry-run bridge on the copied routes, reloading them when they are edited. */
    private RunningBridge watching(EditedRoutes edited) throws Exception {
        return RunningBridge.dryRun(dataDir, "camel.main.routes-include-pattern", edited.includePattern(),
                "camel.main.routes-reload-enabled", "true", "camel.main.routes-reload-directory", routes.toString());
    }

    private static String reasonForPage(RunningBridge bridge) throws Exception {
        return tree(bridge.post("/segment", PAGE).body()).path("reason").asText();
    }
}
