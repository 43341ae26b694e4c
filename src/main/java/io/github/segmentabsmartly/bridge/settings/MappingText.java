package io.github.segmentabsmartly.bridge.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the comma-separated forms of settings: lists, and the {@code left=right} pairs of the mappings. */
final class MappingText {

    private MappingText() {
    }

    /** The entries of {@code a, b, c}, trimmed, without empty ones. */
    static List<String> items(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    static List<String[]> pairs(String text, String settingName) {
        List<String[]> pairs = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return pairs;
        }
        for (String item : text.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            int equals = item.indexOf('=');
            String left = equals < 0 ? "" : item.substring(0, equals).trim();
            String right = equals < 0 ? "" : item.substring(equals + 1).trim();
            if (left.isEmpty() || right.isEmpty()) {
                throw new InvalidSettingException(
                        settingName + " has an entry '" + item.trim() + "' that is not of the form left=right");
            }
            pairs.add(new String[] {left, right});
        }
        return pairs;
    }
}
