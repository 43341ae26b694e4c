package io.github.segmentabsmartly.bridge.publish;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.event.EventRejectedException;
import io.github.segmentabsmartly.bridge.event.RejectionCode;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * A page or screen event's goal, from a template such as {@code Page: {name}} or {@code {slug}_pageview}.
 * The name is {@code name}, else {@code properties.name}; a view without one is rejected.
 */
public abstract class ViewGoalName implements Processor {

    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9_]+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(name|slug)}");

    private final String callType;
    private final String template;

    protected ViewGoalName(String callType, String template) {
        this.callType = callType;
        this.template = template;
    }

    @Override
    public void process(Exchange exchange) {
        SegmentEvent event = exchange.getProperty(BridgeExchange.EVENT, SegmentEvent.class);
        String name = event.optionalString("name");
        if (name == null || name.isBlank()) {
            name = event.optionalString("properties.name");
        }
        if (name == null || name.isBlank()) {
            throw new EventRejectedException(RejectionCode.NO_NAME,
                    "a " + callType + " event needs a name (name or properties.name)");
        }
        exchange.setProperty(BridgeExchange.GOAL_NAME, goalName(name));
    }

    String goalName(String name) {
        String slug = NOT_SLUG.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("_");
        return PLACEHOLDER.matcher(template).replaceAll(
                placeholder -> Matcher.quoteReplacement(placeholder.group(1).equals("name") ? name : slug));
    }
}
