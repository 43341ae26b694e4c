package io.github.segmentabsmartly.bridge;

import io.github.segmentabsmartly.bridge.settings.InvalidSettingException;
import org.apache.camel.main.Main;
import org.apache.camel.util.ObjectHelper;
import sun.misc.Signal;

/**
 * Starts the bridge: the settings in ./application.properties (over the defaults packaged in the jar, under
 * environment variables), the routes in ./routes, the HTTP server of camel-platform-http.
 */
public final class BridgeMain {

    /** Exit status for a setting that stops the bridge from starting. */
    static final int INVALID_SETTING = 2;

    private BridgeMain() {
    }

    public static void main(String[] args) throws Exception {
        // SIGTERM is how the bridge is meant to be stopped: Camel's shutdown hook finishes the requests in
        // flight, and the exit status is 0 rather than the JVM's 143 for a signal.
        Signal.handle(new Signal("TERM"), signal -> System.exit(0));
        try {
            System.exit(newMain().run(args));
        } catch (Exception failure) {
            InvalidSettingException invalid = ObjectHelper.getException(InvalidSettingException.class, failure);
            if (invalid == null) {
                throw failure;
            }
            System.err.println("segment-absmartly-bridge cannot start: " + invalid.getMessage());
            System.exit(INVALID_SETTING);
        }
    }

    /** A Camel Main wired as the bridge runs; tests add override properties before starting it. */
    public static Main newMain() {
        Main main = new Main();
        main.setPropertyPlaceholderLocations(
                "classpath:application.properties;optional=true,file:application.properties;optional=true");
        return main;
    }
}
