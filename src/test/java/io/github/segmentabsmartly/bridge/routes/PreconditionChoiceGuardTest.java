package io.github.segmentabsmartly.bridge.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreconditionChoiceGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "simple: \"${exchangeProperty.bridgeEventType} == 'page'\"",
            "simple: \"{{absmartly.enable-page-view-tracking}} && ${header.call} == 'page'\"",
            "simple: \"${body[type]} == 'page'\"",
            "jsonpath: \"$[?(@.type == 'page')]\"",
            "header: call"})
    void aChoiceDecidedAtStartThatReadsTheEventIsRefused(String when) throws Exception {
        try (DefaultCamelContext camel = guarded()) {
            Exception refused = assertThrows(Exception.class, () -> load(camel, routeWithChoice("true", when)));

            String why = refusal(refused).getMessage();
            assertTrue(why.startsWith("route edited (edited.yaml): a choice with precondition: true is decided once,"
                    + " when the route starts, with no event to read, but its when ("), why);
            assertTrue(why.endsWith("Take precondition: true off that choice, or test only settings ({{...}}) and"
                    + " beans there."), why);
            assertEquals(0, routesIn(camel));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "simple: \"{{absmartly.enable-page-view-tracking}}\"",
            "simple: \"${bean:settings.pageTracking}\"",
            "ref: pageTrackingOn"})
    void aChoiceDecidedAtStartOnSettingsOrBeansIsAdded(String when) throws Exception {
        try (DefaultCamelContext camel = guarded()) {
            load(camel, routeWithChoice("true", when));

            assertEquals(1, routesIn(camel));
        }
    }

    @Test
    void anOrdinaryChoiceMayReadTheEvent() throws Exception {
        try (DefaultCamelContext camel = guarded()) {
            load(camel, routeWithChoice("false", "simple: \"${exchangeProperty.bridgeEventType} == 'page'\""));

            assertEquals(1, routesIn(camel));
        }
    }

    @Test
    void aChoiceDecidedAtStartIsFoundWithinOtherSteps() throws Exception {
        String nested = """
                - route:
                    id: edited
                    from:
                      uri: direct:edited
                      steps:
                        - filter:
                            simple: "${body} != null"
                            steps:
                              - choice:
                                  precondition: true
                                  when:
                                    - simple: "${exchangeProperty.bridgeEventName} == 'Heartbeat'"
                                      steps:
                                        - log: heartbeat
                """;
        try (DefaultCamelContext camel = guarded()) {
            Exception refused = assertThrows(Exception.class, () -> load(camel, nested));

            String why = refusal(refused).getMessage();
            assertTrue(why.contains("reads the event with ${exchangeProperty...}"), why);
        }
    }

    private static DefaultCamelContext guarded() {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().getContextPlugin(Model.class)
                .addModelLifecycleStrategy(new PreconditionChoiceGuard());
        return camel;
    }

    private static int routesIn(DefaultCamelContext camel) {
        return camel.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinitions().size();
    }

    private static void load(DefaultCamelContext camel, String yaml) throws Exception {
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("file:routes/edited.yaml", yaml));
    }

    private static String routeWithChoice(String precondition, String when) {
        return """
                - route:
                    id: edited
                    from:
                      uri: direct:edited
                      steps:
                        - choice:
                            precondition: %s
                            when:
                              - %s
                                steps:
                                  - log: page
                            otherwise:
                              steps:
                                - log: not a page
                """.formatted(precondition, when);
    }

    /** The guard's refusal, which Camel wraps in its own failure to load the routes. */
    private static RouteRefusedException refusal(Exception loadFailed) {
        RouteRefusedException refusal = ObjectHelper.getException(RouteRefusedException.class, loadFailed);
        assertNotNull(refusal, () -> "not refused by the guard: " + loadFailed);
        return refusal;
    }
}
