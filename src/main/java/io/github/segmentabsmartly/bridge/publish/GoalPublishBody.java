package io.github.segmentabsmartly.bridge.publish;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import io.github.segmentabsmartly.bridge.settings.TimestampMode;
import io.github.segmentabsmartly.bridge.settings.UnitMapping;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** The Collector publish body for one goal: units, timestamps and the event's properties. */
public class GoalPublishBody implements Processor {

    private final UnitMapping unitMapping;
    private final TimestampMode timestampMode;

    public GoalPublishBody(UnitMapping unitMapping, TimestampMode timestampMode) {
        this.unitMapping = unitMapping;
        this.timestampMode = timestampMode;
    }

    @Override
    public void process(Exchange exchange) {
        SegmentEvent event = exchange.getProperty(BridgeExchange.EVENT, SegmentEvent.class);
        String goalName = exchange.getProperty(BridgeExchange.GOAL_NAME, String.class);
        long receivedAt = exchange.getProperty(BridgeExchange.RECEIVED_AT, Long.class);
        exchange.getMessage().setBody(build(event, goalName, receivedAt));
    }

    Map<String, Object> build(SegmentEvent event, String goalName, long receivedAt) {
        Map<String, Object> properties = event.properties();
        Units.Selection units = Units.of(event, unitMapping);
        if (units.fromOverride()) {
            properties = new LinkedHashMap<>(properties);
            properties.remove("absmartly");
        }
        long ts = EventTime.of(event, receivedAt);
        long publishedAt = ts;
        long achievedAt = ts;
        Map<String, Object> body = new LinkedHashMap<>();
        if (timestampMode == TimestampMode.EVENT) {
            body.put("historic", true);
        } else {
            publishedAt = orElse(EventTime.field(event, "sentAt"), ts);
            achievedAt = orElse(EventTime.field(event, "originalTimestamp"), ts);
        }
        Map<String, Object> goal = new LinkedHashMap<>();
        goal.put("name", goalName);
        goal.put("achievedAt", achievedAt);
        goal.put("properties", properties);
        body.put("publishedAt", publishedAt);
        body.put("units", units.units());
        body.put("goals", List.of(goal));
        return body;
    }

    private static long orElse(Long value, long fallback) {
        return value != null ? value : fallback;
    }
}
