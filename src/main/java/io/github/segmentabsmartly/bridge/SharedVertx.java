package io.github.segmentabsmartly.bridge;

import io.vertx.core.Vertx;
import org.apache.camel.CamelContext;
import org.apache.camel.support.CamelContextHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The one Vert.x of the application: the HTTP servers of platform-http (they take the one in the registry) and
 * the Collector calls share its event loops, so a request and its Collector call run on the same thread. An
 * application that embeds the bridge and has a Vert.x of its own keeps it; one made here is closed with Camel.
 */
final class SharedVertx extends ServiceSupport {

    private final Vertx vertx;

    private SharedVertx(Vertx vertx) {
        this.vertx = vertx;
    }

    static Vertx of(CamelContext context) throws Exception {
        Vertx existing = CamelContextHelper.findSingleByType(context, Vertx.class);
        if (existing != null) {
            return existing;
        }
        Vertx created = Vertx.vertx();
        context.getRegistry().bind("vertx", Vertx.class, created);
        context.addService(new SharedVertx(created), true, true);
        return created;
    }

    @Override
    protected void doStop() {
        vertx.close();
    }
}
