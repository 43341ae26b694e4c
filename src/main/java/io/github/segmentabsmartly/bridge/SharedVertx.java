package io.github.segmentabsmartly.bridge;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.support.CamelContextHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The one Vert.x of the application: the HTTP servers of platform-http (they take the one in the registry) and
 * the Collector calls share its event loops, so a request and its Collector call run on the same thread. One made
 * here has as many event loops as the HTTP routes are to run on (BRIDGE_INGEST_EVENT_LOOPS, see ServerEventLoops)
 * and is closed with Camel. An application that embeds the bridge and has a Vert.x of its own keeps it.
 */
final class SharedVertx extends ServiceSupport {

    private final Vertx vertx;

    private SharedVertx(Vertx vertx) {
        this.vertx = vertx;
    }

    static Vertx of(CamelContext context, int eventLoops) throws Exception {
        Vertx existing = CamelContextHelper.findSingleByType(context, Vertx.class);
        if (existing != null) {
            return existing;
        }
        Vertx created = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        context.getRegistry().bind("vertx", Vertx.class, created);
        context.addService(new SharedVertx(created), true, true);
        return created;
    }

    @Override
    protected void doStop() {
        vertx.close();
    }
}
