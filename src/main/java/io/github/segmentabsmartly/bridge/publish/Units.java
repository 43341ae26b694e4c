package io.github.segmentabsmartly.bridge.publish;

import io.github.segmentabsmartly.bridge.event.EventRejectedException;
import io.github.segmentabsmartly.bridge.event.RejectionCode;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import io.github.segmentabsmartly.bridge.settings.UnitMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ABsmartly units of an event: {@code properties.absmartly.units} when the event carries them, else the
 * unit mapping read in order. A value becomes a uid when it is a non-blank string or a number.
 */
public final class Units {

    /** The Collector refuses longer uids. */
    static final int MAX_UID_LENGTH = 640;

    /**
     * @param units         the {@code [{type, uid}]} to send
     * @param fromOverride  true when they came from {@code properties.absmartly.units}
     */
    public record Selection(List<Map<String, Object>> units, boolean fromOverride) {
    }

    private Units() {
    }

    public static Selection of(SegmentEvent event, UnitMapping mapping) {
        Object override = event.at("properties.absmartly.units");
        List<Map<String, Object>> units = override != null ? fromOverride(override) : fromMapping(event, mapping);
        if (units.isEmpty()) {
            throw new EventRejectedException(RejectionCode.NO_UNIT, override != null
                    ? "properties.absmartly.units has no usable unit"
                    : "the event has none of the unit fields " + paths(mapping));
        }
        return new Selection(units, override != null);
    }

    private static List<Map<String, Object>> fromMapping(SegmentEvent event, UnitMapping mapping) {
        List<Map<String, Object>> units = new ArrayList<>();
        for (UnitMapping.Entry entry : mapping.entries()) {
            String uid = uidOf(event.at(entry.segmentPath()), entry.segmentPath());
            if (uid != null) {
                units.add(unit(entry.unitType(), uid));
            }
        }
        return units;
    }

    private static List<Map<String, Object>> fromOverride(Object override) {
        if (!(override instanceof List<?> list)) {
            throw new EventRejectedException(RejectionCode.BAD_UNITS, "properties.absmartly.units must be an array");
        }
        List<Map<String, Object>> units = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "properties.absmartly.units[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> entry) || !(entry.get("type") instanceof String type)
                    || type.isBlank()) {
                throw new EventRejectedException(RejectionCode.BAD_UNITS, where + " needs a string type");
            }
            String uid = uidOf(entry.get("uid"), where + ".uid");
            if (uid != null) {
                units.add(unit(type, uid));
            }
        }
        return units;
    }

    /** The uid for a value as JavaScript's String(value) would write it; null for values that name no unit. */
    static String uidOf(Object value, String where) {
        String uid;
        if (value instanceof String text) {
            uid = text.isBlank() ? null : text;
        } else if (value instanceof Number number) {
            uid = JavaScriptNumberText.of(number);
        } else {
            uid = null;
        }
        if (uid != null && uid.length() > MAX_UID_LENGTH) {
            throw new EventRejectedException(RejectionCode.UID_TOO_LONG,
                    where + " is longer than " + MAX_UID_LENGTH + " characters");
        }
        return uid;
    }

    private static Map<String, Object> unit(String type, String uid) {
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("type", type);
        unit.put("uid", uid);
        return unit;
    }

    private static List<String> paths(UnitMapping mapping) {
        return mapping.entries().stream().map(UnitMapping.Entry::segmentPath).toList();
    }
}
