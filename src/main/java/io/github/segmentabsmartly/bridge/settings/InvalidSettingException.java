package io.github.segmentabsmartly.bridge.settings;

import io.github.segmentabsmartly.bridge.InvalidConfigurationException;

/** A setting that stops the bridge from starting; the message names the environment variable to fix. */
public class InvalidSettingException extends InvalidConfigurationException {

    public InvalidSettingException(String message) {
        super(message);
    }
}
