package io.github.segmentabsmartly.bridge.ingest;

import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * The platform-http engine of the bridge's HTTP routes ({@link BridgeHttpConsumer}), bound as
 * {@code platform-http-engine}: their routes run on the HTTP server's event loop when nothing on the ingest path
 * blocks (see {@code BridgeSettings.ingestRunsOnEventLoop}), on worker threads otherwise.
 */
public class BridgeHttpEngine extends VertxPlatformHttpEngine {

    private final boolean routesOnEventLoop;

    public BridgeHttpEngine(boolean routesOnEventLoop) {
        this.routesOnEventLoop = routesOnEventLoop;
    }

    @Override
    public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
        return new BridgeHttpConsumer(endpoint, processor, getHandlers(),
                VertxPlatformHttpRouter.getRouterNameFromPort(getServerPort()), routesOnEventLoop);
    }
}
