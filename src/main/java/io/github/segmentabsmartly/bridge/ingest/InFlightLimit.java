package io.github.segmentabsmartly.bridge.ingest;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;

/**
 * Back-pressure at the door: past a number of requests in flight, a request is answered 503 with Retry-After
 * before its body is read, so that a burst waits at its sender instead of in the bridge's memory. (Requests
 * the worker threads cannot take yet otherwise queue inside Vert.x without bound.)
 */
public final class InFlightLimit implements Handler<RoutingContext> {


    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();

    private InFlightLimit(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    /** Puts the limit in front of every path of the HTTP server that serves the platform-http routes. */
    public static void install(CamelContext context, int port, int maxInFlight) {
        IngestServer.beforeRoutes(context, port).handler(new InFlightLimit(maxInFlight));
    }

    @Override
    public void handle(RoutingContext request) {
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            IngestServer.refuse(request.response().putHeader("Retry-After", "1"), 503, "the bridge has " + maxInFlight
                    + " requests in flight, its limit: send again in a moment");
            return;
        }
        request.addEndHandler(done -> inFlight.decrementAndGet());
        request.next();
    }
}
