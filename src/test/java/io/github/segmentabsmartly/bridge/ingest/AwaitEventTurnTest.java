package io.github.segmentabsmartly.bridge.ingest;

import static io.github.segmentabsmartly.bridge.support.EventLoops.onLoop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.spi.UnitOfWorkFactory;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The events of an event loop get under way a few at a time: the next one when one of them is done. */
class AwaitEventTurnTest {

    static Vertx vertx;
    static DefaultCamelContext camel;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterAll
    static void stop() {
        camel.stop();
        vertx.close();
    }

    /** An exchange in a unit of work of its own, as each event of a split is: done() ends its route. */
    static Exchange event() {
        Exchange exchange = new DefaultExchange(camel);
        UnitOfWorkFactory factory = PluginHelper.getUnitOfWorkFactory(camel);
        factory.afterPropertiesConfigured(camel);
        UnitOfWork unitOfWork = factory.createUnitOfWork(exchange);
        exchange.getExchangeExtension().setUnitOfWork(unitOfWork);
        return exchange;
    }

    @Test
    void beyondTheLimitAnEventWaitsUntilOneUnderWayIsDone() throws Exception {
        AwaitEventTurn turns = new AwaitEventTurn(2);
        Context loop = vertx.getOrCreateContext();
        List<Exchange> events = List.of(event(), event(), event(), event());
        List<CompletableFuture<String>> started = new ArrayList<>();
        events.forEach(event -> started.add(new CompletableFuture<>()));

        List<Boolean> straightIn = onLoop(loop, () -> {
            List<Boolean> sync = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                CompletableFuture<String> turn = started.get(i);
                sync.add(turns.process(events.get(i), doneSync -> turn.complete(Thread.currentThread().getName())));
            }
            return sync;
        });

        assertEquals(List.of(true, true, false, false), straightIn);
        assertFalse(started.get(2).isDone());
        // the first is done on the loop; the second on another thread (a retry's timer): both hand their turn on
        onLoop(loop, () -> {
            events.get(0).getUnitOfWork().done(events.get(0));
            return null;
        });
        String loopThread = started.get(2).get(5, TimeUnit.SECONDS);
        assertTrue(loopThread.startsWith("vert.x-eventloop"), loopThread);
        assertFalse(started.get(3).isDone());
        events.get(1).getUnitOfWork().done(events.get(1));
        assertEquals(loopThread, started.get(3).get(5, TimeUnit.SECONDS));
    }

    @Test
    void offTheEventLoopsEveryEventGoesStraightIn() throws Exception {
        AwaitEventTurn turns = new AwaitEventTurn(1);

        assertTrue(turns.process(event(), doneSync -> { }));
        assertTrue(turns.process(event(), doneSync -> { }));
    }
}
