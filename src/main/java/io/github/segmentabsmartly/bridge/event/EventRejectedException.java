package io.github.segmentabsmartly.bridge.event;

/** The event itself is wrong and sending it again cannot help; the message is the reason given to the sender. */
public class EventRejectedException extends RuntimeException {

    private final RejectionCode code;

    public EventRejectedException(RejectionCode code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    public RejectionCode code() {
        return code;
    }
}
