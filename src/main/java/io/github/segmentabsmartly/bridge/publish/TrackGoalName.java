package io.github.segmentabsmartly.bridge.publish;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.event.EventRejectedException;
import io.github.segmentabsmartly.bridge.event.RejectionCode;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import io.github.segmentabsmartly.bridge.settings.GoalMapping;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** A track event's goal: its {@code event} name, renamed by ABSMARTLY_GOAL_MAPPING when listed there. */
public class TrackGoalName implements Processor {

    private final GoalMapping goalMapping;

    public TrackGoalName(GoalMapping goalMapping) {
        this.goalMapping = goalMapping;
    }

    @Override
    public void process(Exchange exchange) {
        SegmentEvent event = exchange.getProperty(BridgeExchange.EVENT, SegmentEvent.class);
        String name = event.optionalString("event");
        if (name == null || name.isBlank()) {
            throw new EventRejectedException(RejectionCode.NO_EVENT_NAME, "a track event needs an event name");
        }
        exchange.setProperty(BridgeExchange.GOAL_NAME, goalMapping.goalFor(name));
    }
}
