package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.CollectorStandIn.Answer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.support.BridgeUnderTest;
import io.github.segmentabsmartly.bridge.support.PrometheusText;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Prometheus endpoint on the management port, scraped over HTTP as Prometheus scrapes it. */
class MetricsTest {

    static final String TRACK = "{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"u-1\"}";

    @RegisterExtension
    static final BridgeUnderTest BRIDGE = BridgeUnderTest.withSettings();

    static PrometheusText scrape() throws Exception {
        return scrape(BRIDGE);
    }

    static PrometheusText scrape(BridgeUnderTest bridge) throws Exception {
        HttpResponse<String> answer = bridge.management("/observe/metrics");
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        return PrometheusText.parse(answer.body());
    }

    @Test
    void aDeliveredEventMovesTheCountersAndTheLatencyHistogram() throws Exception {
        PrometheusText before = scrape();

        assertEquals(200, BRIDGE.post("/segment", TRACK).statusCode());

        PrometheusText after = scrape();
        assertMoved(1, before, after, "bridge_events_total",
                "routeId", "segment-webhook", "outcome", "delivered", "reason", "none");
        assertMoved(1, before, after, "bridge_events_received_total", "routeId", "segment-webhook");
        assertMoved(1, before, after, "bridge_collector_request_seconds_count", "outcome", "success");
        assertMoved(1, before, after, "bridge_collector_request_seconds_bucket", "outcome", "success", "le", "+Inf");
        // Camel's own per-route timers are off by default (application.properties says why)
        assertFalse(after.has("camel_exchanges_total"));
    }

    @Test
    void rejectedAndIgnoredEventsAreCountedByRouteAndReasonCode() throws Exception {
        PrometheusText before = scrape();

        String batch = """
                {"batch":[{"type":"track","userId":"u-1"},{"type":"identify","userId":"u-1"},
                          {"type":"track","event":"E","userId":"u-1","timestamp":"next tuesday"}]}""";
        assertEquals(200, BRIDGE.post("/v1/batch", batch).statusCode());

        PrometheusText after = scrape();
        assertMoved(1, before, after, "bridge_events_total",
                "routeId", "tracking-api", "outcome", "rejected", "reason", "no_event_name");
        assertMoved(1, before, after, "bridge_events_total",
                "routeId", "tracking-api", "outcome", "rejected", "reason", "bad_timestamp");
        assertMoved(1, before, after, "bridge_events_total",
                "routeId", "tracking-api", "outcome", "ignored", "reason", "type_not_sent");
        assertMoved(3, before, after, "bridge_events_received_total", "routeId", "tracking-api");
    }

    @Test
    void redeliveriesDeadLettersAndDuplicatesAreCounted() throws Exception {
        BRIDGE.collector().answer(status(503), status(200), status(400));
        PrometheusText before = scrape();

        String first = "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u-1\",\"messageId\":\"metrics-1\"}";
        assertEquals(200, BRIDGE.post("/segment", first).statusCode());
        assertEquals(200, BRIDGE.post("/segment", first).statusCode());
        assertEquals(202, BRIDGE.post("/segment", TRACK).statusCode());

        PrometheusText after = scrape();
        assertMoved(1, before, after, "bridge_redeliveries_total", "routeId", "segment-webhook");
        assertMoved(1, before, after, "bridge_collector_request_seconds_count", "outcome", "server_error");
        assertMoved(1, before, after, "bridge_collector_request_seconds_count", "outcome", "client_error");
        assertMoved(1, before, after, "bridge_events_total",
                "routeId", "segment-webhook", "outcome", "delivered", "reason", "none");
        assertMoved(1, before, after, "bridge_events_total",
                "routeId", "segment-webhook", "outcome", "duplicate", "reason", "none");
        assertMoved(1, before, after, "bridge_events_total",
                "routeId", "segment-webhook", "outcome", "dead-lettered", "reason", "http_400");
    }

    static void assertMoved(double by, PrometheusText before, PrometheusText after, String name, String... labels) {
        assertTrue(after.has(name), name + " is not in the scrape");
        assertEquals(by, after.value(name, labels) - before.value(name, labels), 1e-9,
                name + " " + String.join(",", labels));
    }
}
