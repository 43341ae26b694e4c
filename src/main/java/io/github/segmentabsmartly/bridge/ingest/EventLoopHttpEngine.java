package io.github.segmentabsmartly.bridge.ingest;

import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * The platform-http engine whose consumers run their routes on the HTTP server's event loop
 * ({@link EventLoopHttpConsumer}). Bound (as {@code platform-http-engine}) only when nothing on the ingest path
 * blocks: see {@code BridgeSettings.ingestRunsOnEventLoop}.
 */
public class EventLoopHttpEngine extends VertxPlatformHttpEngine {

    @Override
    public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
        return new EventLoopHttpConsumer(endpoint, processor, getHandlers(),
                VertxPlatformHttpRouter.getRouterNameFromPort(getServerPort()));
    }
}
