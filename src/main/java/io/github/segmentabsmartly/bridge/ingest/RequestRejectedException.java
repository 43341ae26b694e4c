package io.github.segmentabsmartly.bridge.ingest;

/** The request as a whole cannot be read (malformed JSON, wrong content type, not an event at all). */
public class RequestRejectedException extends RuntimeException {

    private final int status;

    public RequestRejectedException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
