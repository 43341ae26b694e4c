package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.segmentabsmartly.bridge.support.BridgeUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With ABSMARTLY_HASH_UNITS, raw user ids never reach the Collector. */
class UnitHashingTest {

    static final String EXPOSURE = """
            {"type":"track","event":"Experiment Viewed","userId":"x","timestamp":"2023-01-01T00:00:00Z",
             "properties":{"exposure":{"publishedAt":1602531300000,%s"units":[{"type":"userId","uid":"%s"}],
              "exposures":[{"id":1,"name":"e","exposedAt":1602531300000}]}}}""";

    @RegisterExtension
    static final BridgeUnderTest bridge = BridgeUnderTest.withSettings(
            "absmartly.hash-units", "true", "absmartly.enable-exposure-tracking", "true",
            "absmartly.unit-mapping", "userId=userId,traits.email=email");

    @Test
    void goalUnitsAreSentHashed() throws Exception {
        bridge.post("/segment", """
                {"type":"track","event":"E","userId":"123456789","traits":{"email":"bleh@absmartly.com"}}""");

        assertEquals(tree("""
                [{"type":"userId","uid":"JfnnlDI7RTiF9RgfG2JNCw"},{"type":"email","uid":"IuqYkNRfEx5yClel4j3NbA"}]"""),
                tree(bridge.onlyRequest().body()).get("units"));
        assertEquals(true, tree(bridge.onlyRequest().body()).get("hashed").asBoolean());
    }

    @Test
    void exposureUnitsAreHashedUnlessTheSdkHashedThem() throws Exception {
        bridge.post("/segment", EXPOSURE.formatted("", "testy"));
        bridge.post("/segment", EXPOSURE.formatted("\"hashed\":true,", "K5I_V6RgP8c6sYKz-TVn8g"));

        for (var request : bridge.collector().received()) {
            assertEquals(tree("[{\"type\":\"userId\",\"uid\":\"K5I_V6RgP8c6sYKz-TVn8g\"}]"),
                    tree(request.body()).get("units"));
            assertEquals(true, tree(request.body()).get("hashed").asBoolean());
        }
        assertEquals(2, bridge.collector().received().size());
    }
}
