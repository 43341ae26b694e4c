package io.github.segmentabsmartly.bridge.outcome;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Acknowledges an event that is deliberately not sent, for the reason code the route gives in variable
 * absmartlyIgnoredBecause. A code of the bridge's own comes with its text; any other (a route of your own) is its own
 * text, counted in metrics as {@code ignored_by_route}.
 */
public class MarkIgnored implements Processor {

    static final String BY_ROUTE = "ignored_by_route";
    private static final Map<String, String> REASONS = Map.of(
            "page_tracking_off", "page view tracking is off (ABSMARTLY_ENABLE_PAGE_VIEW_TRACKING)",
            "screen_tracking_off", "screen view tracking is off (ABSMARTLY_ENABLE_SCREEN_VIEW_TRACKING)",
            "exposure_tracking_off", "exposure tracking is off (ABSMARTLY_ENABLE_EXPOSURE_TRACKING)",
            "integrations_opt_out", "its integrations object turns AB Smartly off");

    @Override
    public void process(Exchange exchange) {
        String code = exchange.getVariable(BridgeExchange.IGNORED_BECAUSE, "type_not_sent", String.class);
        if (code.equals("type_not_sent")) {
            SegmentEvent event = exchange.getProperty(BridgeExchange.EVENT, SegmentEvent.class);
            Outcomes.record(exchange, EventOutcome.Kind.IGNORED, code, event.type() + " calls are not sent to ABsmartly");
        } else if (REASONS.containsKey(code)) {
            Outcomes.record(exchange, EventOutcome.Kind.IGNORED, code, REASONS.get(code));
        } else {
            Outcomes.record(exchange, EventOutcome.Kind.IGNORED, BY_ROUTE, code);
        }
    }
}
