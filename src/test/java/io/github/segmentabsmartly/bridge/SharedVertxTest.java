package io.github.segmentabsmartly.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * The Vert.x the bridge makes has exactly as many event loops as BRIDGE_INGEST_EVENT_LOOPS: ServerEventLoops puts
 * a server on each, and only that count leaves no loop without one (IngestEventLoopsTest checks the servers). An
 * application's own Vert.x is kept as it is.
 */
class SharedVertxTest {

    @Test
    void aVertxMadeHereHasTheEventLoopsAskedFor() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Vertx made = SharedVertx.of(context, 3);

            assertEquals(3, StreamSupport.stream(((VertxInternal) made).getEventLoopGroup().spliterator(), false)
                    .count());
            context.start(); // so that stopping the context closes the Vert.x it made
        }
    }

    @Test
    void anApplicationsOwnVertxIsTheOneUsed() throws Exception {
        Vertx applications = Vertx.vertx();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("applicationsVertx", Vertx.class, applications);

            assertSame(applications, SharedVertx.of(context, 3));
        } finally {
            applications.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
