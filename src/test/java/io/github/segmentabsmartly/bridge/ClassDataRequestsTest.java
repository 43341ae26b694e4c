package io.github.segmentabsmartly.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.segmentabsmartly.bridge.support.BridgeUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The requests the class-data archive's run sends (src/build/class-data, see pom.xml) still take the paths they are
 * there for: should the routes come to refuse one, the archive would silently miss the classes of that path.
 */
class ClassDataRequestsTest {

    @RegisterExtension
    static final BridgeUnderTest bridge = BridgeUnderTest.withSettings(
            "absmartly.enable-exposure-tracking", "true", "absmartly.enable-page-view-tracking", "true");

    @Test
    void eachRequestIsAnsweredAsTheArchiveRunExpects() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (String request : Files.readAllLines(Path.of("src", "build", "class-data", "requests.jsonl"))) {
            statuses.add(bridge.post("/segment", request).statusCode());
        }

        // a track event, an exposure and a batch delivered; malformed JSON refused
        assertEquals(List.of(200, 200, 200, 400), statuses);
        // the track goal, the exposure, and the batch's track and page goals (its identify ignored, its repeat a
        // duplicate)
        assertEquals(4, bridge.collector().received().size());
    }
}
