package io.github.segmentabsmartly.bridge;

import org.apache.camel.main.Main;

/**
 * Starts the bridge: the settings in ./application.properties (over the defaults packaged in the jar, under
 * environment variables), the routes in ./routes, the HTTP server of camel-platform-http.
 */
public final class BridgeMain {

    private BridgeMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(newMain().run(args));
    }

    /** A Camel Main wired as the bridge runs; tests add override properties before starting it. */
    public static Main newMain() {
        Main main = new Main();
        main.setPropertyPlaceholderLocations(
                "classpath:application.properties;optional=true,file:application.properties;optional=true");
        main.configure().addConfiguration(BridgeBeans.class);
        return main;
    }
}
