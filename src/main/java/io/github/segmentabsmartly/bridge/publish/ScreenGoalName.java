package io.github.segmentabsmartly.bridge.publish;

/** A screen event's goal: ABSMARTLY_SCREEN_GOAL_FORMAT ({@code Screen: {name}} by default). */
public class ScreenGoalName extends ViewGoalName {

    public ScreenGoalName(String template) {
        super("screen", template);
    }
}
