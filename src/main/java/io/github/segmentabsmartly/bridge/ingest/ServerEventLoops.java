package io.github.segmentabsmartly.bridge.ingest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.support.service.ServiceSupport;

/**
 * More event loops for the HTTP server: platform-http listens with one HTTP server, so one event loop (one core)
 * runs every request when the routes run on it (EventLoopHttpConsumer). Each further server here listens on the
 * same port with the same routes, on an event loop of its own; Vert.x spreads the connections over them.
 * They close with Camel, after the routes (whose consumers answer 503 while they stop).
 */
public final class ServerEventLoops extends ServiceSupport {

    private final List<HttpServer> servers = new ArrayList<>();

    private ServerEventLoops() {
    }

    /** Up to {@code eventLoops} servers in all, platform-http's own among them. */
    public static void install(CamelContext context, int port, int eventLoops) throws Exception {
        VertxPlatformHttpRouter router = IngestServer.router(context, port);
        Vertx vertx = router.vertx();
        String host = router.getServer().getHost();
        int actualPort = router.getServer().getServer().actualPort();
        ServerEventLoops extra = new ServerEventLoops();
        for (int i = 1; i < eventLoops; i++) {
            HttpServer server = vertx.createHttpServer(new HttpServerOptions()).requestHandler(router);
            extra.servers.add(server);
            server.listen(actualPort, host).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        context.addService(extra, true, true);
    }

    @Override
    protected void doStop() throws Exception {
        Future.join(servers.stream().map(HttpServer::close).toList())
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        servers.clear();
    }
}
