package io.github.segmentabsmartly.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.segmentabsmartly.bridge.support.BridgeUnderTest;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn.Received;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The benchmark's floor (bench/floor/floor.yaml, BENCH_FLOOR=1) sends the Collector what the bridge sends for a track
 * event: a processor renamed, or a change in routes/ to what a track event's Collector call carries, shows here
 * rather than as a floor that quietly does other work than the bridge.
 */
class BenchFloorTest {

    static final String EVENT = """
            {"type":"track","event":"Signed Up","userId":"u-1","anonymousId":"a-1","messageId":"m-1",
             "timestamp":"2024-05-01T10:00:00.123Z","properties":{"plan":"pro","seats":3},
             "context":{"library":{"name":"analytics.js","version":"4.1.0"}}}""";

    @RegisterExtension
    static final BridgeUnderTest floor = BridgeUnderTest.withSettings(
            "camel.main.routes-include-pattern", "file:bench/floor/floor.yaml");

    @RegisterExtension
    static final BridgeUnderTest bridge = BridgeUnderTest.withSettings();

    @Test
    void aTrackEventReachesTheCollectorAsTheBridgeSendsIt() throws Exception {
        HttpResponse<String> floorAnswer = floor.post("/segment", EVENT);
        HttpResponse<String> bridgeAnswer = bridge.post("/segment", EVENT);

        assertEquals(200, floorAnswer.statusCode());
        assertEquals("{\"success\":true}", floorAnswer.body());
        assertEquals(Optional.empty(), floorAnswer.headers().firstValue("X-API-Key"), "the Collector's key, answered");
        assertEquals(200, bridgeAnswer.statusCode());
        Received fromFloor = floor.onlyRequest();
        Received fromBridge = bridge.onlyRequest();
        assertEquals(fromBridge.method() + " " + fromBridge.path(), fromFloor.method() + " " + fromFloor.path());
        assertEquals(fromBridge.body(), fromFloor.body());
        for (String header : List.of("content-type", "x-api-key", "x-environment", "x-agent")) {
            assertEquals(fromBridge.headers().get(header), fromFloor.headers().get(header), header);
        }
    }
}
