package io.github.segmentabsmartly.bridge.delivery;

/** The request's time for Collector attempts ran out before this event's turn came. */
public class DeliveryBudgetSpentException extends Exception {

    public DeliveryBudgetSpentException() {
        super("the time for delivery attempts ran out before this event's turn", null, false, false);
    }
}
