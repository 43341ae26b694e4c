package io.github.segmentabsmartly.bridge.ingest;

/**
 * The request as a whole is refused: no credentials, unreadable, too large, or the bridge too busy to read it now.
 * The message is the fixed reason the sender is told.
 */
public class RequestRejectedException extends RuntimeException {

    private final int status;
    private final Long retryAfterSeconds;

    public RequestRejectedException(int status, String message) {
        this(status, message, null);
    }

    /** @param retryAfterSeconds for a 503: when to send again */
    public RequestRejectedException(int status, String message, Long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
