package io.github.segmentabsmartly.bridge;

/**
 * A setting or a route the bridge refuses to start with. Its message says what to fix, so {@link BridgeMain} reports
 * it as one line, without a stack trace.
 */
public class InvalidConfigurationException extends RuntimeException {

    protected InvalidConfigurationException(String message) {
        super(message);
    }
}
