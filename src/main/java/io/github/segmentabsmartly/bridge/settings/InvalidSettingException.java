package io.github.segmentabsmartly.bridge.settings;

/** A setting the bridge refuses to start with; the message names the environment variable to fix. */
public class InvalidSettingException extends RuntimeException {

    public InvalidSettingException(String message) {
        super(message, null, false, false);
    }
}
