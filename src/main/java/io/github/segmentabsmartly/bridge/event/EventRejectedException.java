package io.github.segmentabsmartly.bridge.event;

/** The event itself is wrong and sending it again cannot help; the message is the reason given to the sender. */
public class EventRejectedException extends RuntimeException {

    public EventRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
