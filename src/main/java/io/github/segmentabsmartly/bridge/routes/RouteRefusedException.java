package io.github.segmentabsmartly.bridge.routes;

/** A route that the bridge refuses to run; the message names the route, its file and what to change. */
public class RouteRefusedException extends IllegalArgumentException {

    public RouteRefusedException(String message) {
        super(message);
    }
}
