package io.github.segmentabsmartly.bridge.settings;

/** A setting that stops the bridge from starting; the message names the environment variable to fix. */
public class InvalidSettingException extends RuntimeException {

    public InvalidSettingException(String message) {
        super(message);
    }
}
