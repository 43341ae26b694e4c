package io.github.segmentabsmartly.bridge.publish;

/** A page event's goal: ABSMARTLY_PAGE_GOAL_FORMAT ({@code Page: {name}} by default). */
public class PageGoalName extends ViewGoalName {

    public PageGoalName(String template) {
        super("page", template);
    }
}
