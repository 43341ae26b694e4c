package io.github.segmentabsmartly.bridge.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * Whether an event's {@code integrations} object keeps it from this destination, as Segment's does: its name
 * ("AB Smartly", and any name added by ABSMARTLY_INTEGRATION_NAMES) set to false, or {@code "All": false} with none
 * of its names set to true. A name set to an object (its options) counts as true.
 */
public class IntegrationsOptOut implements Predicate {

    static final String NAME = "AB Smartly";

    private final List<String> names;

    public IntegrationsOptOut(List<String> otherNames) {
        List<String> all = new ArrayList<>(List.of(NAME));
        all.addAll(otherNames);
        this.names = List.copyOf(all);
    }

    @Override
    public boolean matches(Exchange exchange) {
        return optsOut(exchange.getIn().getBody());
    }

    boolean optsOut(Object event) {
        if (!(event instanceof Map<?, ?> fields) || !(fields.get("integrations") instanceof Map<?, ?> integrations)) {
            return false;
        }
        boolean named = false;
        for (String name : names) {
            Object setting = integrations.get(name);
            if (Boolean.FALSE.equals(setting)) {
                return true;
            }
            named |= setting != null;
        }
        return Boolean.FALSE.equals(integrations.get("All")) && !named;
    }
}
