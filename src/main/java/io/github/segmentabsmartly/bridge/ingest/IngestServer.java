package io.github.segmentabsmartly.bridge.ingest;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * The HTTP server platform-http runs the ingest routes on, for what the bridge adds in front of them: its router,
 * and refusals answered there, before any route, in the same JSON as the routes' own.
 */
final class IngestServer {

    /** Before platform-http's own handlers: its body handler and Camel's consumers. */
    private static final int BEFORE_ROUTES = -1000;

    private IngestServer() {
    }

    /** The router of the platform-http server listening on {@code port}, once Camel has started it. */
    static VertxPlatformHttpRouter router(CamelContext context, int port) {
        return VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(port));
    }

    /** A route on every path of that server, whose handlers run before platform-http's. */
    static Route beforeRoutes(CamelContext context, int port) {
        return router(context, port).route().order(BEFORE_ROUTES);
    }

    /** {@code {"success": false, "error": ...}} with its status; the caller may have set headers already. */
    static void refuse(HttpServerResponse response, int status, String error) {
        response.setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("success", false).put("error", error).encode());
    }
}
