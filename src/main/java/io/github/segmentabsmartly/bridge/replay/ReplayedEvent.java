package io.github.segmentabsmartly.bridge.replay;

import io.github.segmentabsmartly.bridge.settings.SourceOverrides;
import java.util.Map;

/** A replayed event with the source overrides its dead-letter line recorded (null: the defaults). */
public record ReplayedEvent(Map<String, Object> event, SourceOverrides source) {
}
