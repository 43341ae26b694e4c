package io.github.segmentabsmartly.bridge.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * ABSMARTLY_UNIT_MAPPING: which event fields become which ABsmartly unit types, in order.
 * Written as {@code segmentPath=unitType,...}, for example {@code anonymousId=anonymousId,traits.email=email}.
 */
public record UnitMapping(List<Entry> entries) {

    public record Entry(String segmentPath, String unitType) {
    }

    public static UnitMapping parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String[] pair : MappingText.pairs(text, "ABSMARTLY_UNIT_MAPPING")) {
            entries.add(new Entry(pair[0], pair[1]));
        }
        if (entries.isEmpty()) {
            throw new InvalidSettingException(
                    "ABSMARTLY_UNIT_MAPPING is empty: give at least one segmentPath=unitType");
        }
        return new UnitMapping(List.copyOf(entries));
    }
}
