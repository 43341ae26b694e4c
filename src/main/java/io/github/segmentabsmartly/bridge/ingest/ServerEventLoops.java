package io.github.segmentabsmartly.bridge.ingest;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.support.service.ServiceSupport;

/**
 * More event loops for the HTTP server: platform-http listens with one HTTP server, so one event loop (one core)
 * runs every request when the routes run on it (BridgeHttpConsumer). The servers here listen on the same port
 * with the same routes, one on each of the first {@code eventLoops} event loops of Vert.x; Vert.x hands each new
 * connection to the next of the loops that listen.
 * <p>
 * Which loop platform-http's own server took is not to be seen, so it is covered, not avoided: the bridge's own
 * Vert.x has exactly {@code eventLoops} loops (SharedVertx), and a server on each of them leaves none out and adds
 * none. On a Vert.x of an application's own with more loops, platform-http's may be one more. Each server listens
 * from a context on its loop: listening from one thread would put them all on that thread's one context.
 * <p>
 * They close with Camel, after the routes (whose consumers answer 503 while they stop).
 */
public final class ServerEventLoops extends ServiceSupport {

    private final List<HttpServer> servers = new ArrayList<>();

    private ServerEventLoops() {
    }

    public static void install(CamelContext context, int port, int eventLoops) throws Exception {
        if (eventLoops < 2) {
            return; // platform-http's own server is the one loop
        }
        VertxPlatformHttpRouter router = IngestServer.router(context, port);
        VertxInternal vertx = (VertxInternal) router.vertx();
        String host = router.getServer().getHost();
        int actualPort = router.getServer().getServer().actualPort();
        ServerEventLoops extra = new ServerEventLoops();
        List<Future<HttpServer>> listening = new ArrayList<>();
        Iterator<EventExecutor> loops = vertx.getEventLoopGroup().iterator();
        for (int i = 0; i < eventLoops && loops.hasNext(); i++) {
            ContextInternal onLoop = vertx.createEventLoopContext((EventLoop) loops.next(), null,
                    Thread.currentThread().getContextClassLoader());
            HttpServer server = vertx.createHttpServer(new HttpServerOptions()).requestHandler(router);
            extra.servers.add(server);
            Promise<HttpServer> listened = onLoop.promise();
            onLoop.runOnContext(ignored -> server.listen(actualPort, host).onComplete(listened));
            listening.add(listened.future());
        }
        context.addService(extra, true, true);
        Future.all(listening).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Override
    protected void doStop() throws Exception {
        Future.join(servers.stream().map(HttpServer::close).toList())
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        servers.clear();
    }
}
