package io.github.segmentabsmartly.bridge.support;

import io.github.segmentabsmartly.bridge.settings.BridgeSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** The bridge's settings as application.properties gives them, with some keys set otherwise. */
public final class Settings {

    private Settings() {
    }

    /** application.properties, and these over it. */
    public static Map<String, String> properties(Map<String, String> overrides) {
        Properties defaults = new Properties();
        try (Reader file = Files.newBufferedReader(Path.of("application.properties"))) {
            defaults.load(file);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        Map<String, String> properties = new HashMap<>();
        defaults.stringPropertyNames().forEach(key -> properties.put(key, defaults.getProperty(key)));
        properties.putAll(overrides);
        return properties;
    }

    public static BridgeSettings of(Map<String, String> overrides) {
        return BridgeSettings.from(properties(overrides)::get);
    }
}
