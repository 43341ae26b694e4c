package io.github.segmentabsmartly.bridge.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ABSMARTLY_GOAL_MAPPING: Segment event names renamed to ABsmartly goal names; unmapped names pass through. Written
 * as {@code Segment name=goal name,...}, or as a JSON object ({@code {"Order, Completed": "purchase"}}) for names
 * with a comma or an equals sign.
 */
public record GoalMapping(Map<String, String> goalsByEvent) {

    private static final String SETTING = "ABSMARTLY_GOAL_MAPPING";

    public static GoalMapping parse(String text) {
        Map<String, String> goals = new LinkedHashMap<>();
        if (text != null && text.trim().startsWith("{")) {
            fromJson(text).fields().forEachRemaining(entry -> {
                if (!entry.getValue().isTextual() || entry.getKey().isBlank() || entry.getValue().asText().isBlank()) {
                    throw new InvalidSettingException(SETTING + " as JSON must map each event name to a goal name");
                }
                goals.put(entry.getKey(), entry.getValue().asText());
            });
        } else {
            for (String[] pair : MappingText.pairs(text, SETTING)) {
                goals.put(pair[0], pair[1]);
            }
        }
        return new GoalMapping(Map.copyOf(goals));
    }

    private static JsonNode fromJson(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (JsonProcessingException malformed) {
            throw new InvalidSettingException(SETTING + " starts with { but is not a JSON object: "
                    + malformed.getOriginalMessage());
        }
    }

    public String goalFor(String eventName) {
        return goalsByEvent.getOrDefault(eventName, eventName);
    }
}
