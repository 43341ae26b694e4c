package io.github.segmentabsmartly.bridge.health;

import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.ResourceReload;
import org.apache.camel.spi.ResourceReloadStrategy;

/**
 * Readiness: whether the routes of the last edited route file run. An edit that Camel cannot build (a step to a
 * component that does not exist, say) takes that file's routes away until the file is fixed, and meanwhile the
 * events that need them are answered 503: a load balancer should send them to another instance. An edit that
 * fails before Camel takes any route away (a YAML syntax error) leaves the routes from before it running, so the
 * bridge stays ready and the check only says so. With route reload off, it is always up.
 */
public final class RouteReloadHealthCheck extends ReadinessCheck implements ResourceReload {

    public static final String ID = "route-reload";

    private volatile ResourceReload camelReload;
    /** The last reload's failure, none once a reload succeeds; Camel reloads on one thread, probes read it. */
    private volatile Failure last;

    public RouteReloadHealthCheck() {
        super(ID);
    }

    /** Puts the check around the reload of Camel's route watcher, if there is one; once Camel has started it. */
    public void watch() {
        ResourceReloadStrategy strategy = getCamelContext().hasService(ResourceReloadStrategy.class);
        if (strategy != null) {
            this.camelReload = strategy.getResourceReload();
            strategy.setResourceReload(this);
        }
    }

    @Override
    public void onReload(String name, Resource resource) throws Exception {
        long before = startedRoutes();
        try {
            camelReload.onReload(name, resource);
            last = null;
        } catch (Exception notLoaded) {
            last = new Failure(Path.of(name).getFileName().toString(), describe(notLoaded), before - startedRoutes());
            throw notLoaded;
        }
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Failure failure = last;
        if (failure == null) {
            builder.up();
        } else if (failure.routesStopped() > 0) {
            builder.down().message(failure.routesStopped() + " route(s) not running until " + failure.file()
                    + " is fixed: its last edit could not be loaded: " + failure.error());
        } else {
            builder.up().message("the edit of " + failure.file() + " could not be loaded; the routes from before it"
                    + " still run: " + failure.error());
        }
    }

    /**
     * Camel's message, and what it says the cause was (a YAML error's line, say) when that is not in it, on one line:
     * the health answer shows a line break as "\\n".
     */
    private static String describe(Exception notLoaded) {
        String message = String.valueOf(notLoaded.getMessage());
        Throwable cause = notLoaded;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String because = cause.getMessage();
        String described = because == null || message.contains(because) ? message : message + ": " + because;
        return described.replaceAll("\\s+", " ").strip();
    }

    private long startedRoutes() {
        CamelContext context = getCamelContext();
        return context.getRoutes().stream()
                .filter(route -> context.getRouteController().getRouteStatus(route.getId()).isStarted())
                .count();
    }

    /** The file by its name alone: Camel's health answer shows each slash of a message escaped twice over. */
    private record Failure(String file, String error, long routesStopped) {
    }
}
