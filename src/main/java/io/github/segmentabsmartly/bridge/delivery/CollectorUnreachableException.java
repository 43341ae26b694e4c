package io.github.segmentabsmartly.bridge.delivery;

import java.io.IOException;

/**
 * The Collector gave no answer: no connection, a timeout, or the connection closed before the answer. An
 * {@link IOException}, as the other "no answer" failures, whatever the HTTP client's own exception was.
 */
public class CollectorUnreachableException extends IOException {

    public CollectorUnreachableException(Throwable cause) {
        super(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    }
}
