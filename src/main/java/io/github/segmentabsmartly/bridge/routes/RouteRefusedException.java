package io.github.segmentabsmartly.bridge.routes;

import io.github.segmentabsmartly.bridge.InvalidConfigurationException;

/** A route that the bridge refuses to run; the message names the route, its file and what to change. */
public class RouteRefusedException extends InvalidConfigurationException {

    public RouteRefusedException(String message) {
        super(message);
    }
}
