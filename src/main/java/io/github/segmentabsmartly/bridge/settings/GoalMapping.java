package io.github.segmentabsmartly.bridge.settings;

import java.util.LinkedHashMap;
import java.util.Map;

/** ABSMARTLY_GOAL_MAPPING: Segment event names renamed to ABsmartly goal names; unmapped names pass through. */
public record GoalMapping(Map<String, String> goalsByEvent) {

    public static GoalMapping parse(String text) {
        Map<String, String> goals = new LinkedHashMap<>();
        for (String[] pair : MappingText.pairs(text, "ABSMARTLY_GOAL_MAPPING")) {
            goals.put(pair[0], pair[1]);
        }
        return new GoalMapping(Map.copyOf(goals));
    }

    public String goalFor(String eventName) {
        return goalsByEvent.getOrDefault(eventName, eventName);
    }
}
