package io.github.segmentabsmartly.bridge.ingest;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Lets the events of a request into their routes a few at a time on each event loop: at most {@code limit} of the
 * loop's events under way, the others waiting their turn here, in order. An event under way holds far more memory
 * than one waiting (its publish body, the copy Camel keeps of it for a retry, its route's callbacks): with all
 * the events of 16 batches of 100 under way at once, the heap was full and the collector ran back to back. Off the
 * event loops (a pool thread, a Kafka consumer) every event goes straight in.
 */
public class AwaitEventTurn extends AsyncProcessorSupport {

    private final ThreadLocal<Turns> turns;

    /** @param limit the events of one event loop under way at once */
    public AwaitEventTurn(int limit) {
        this.turns = ThreadLocal.withInitial(() -> new Turns(limit, Vertx.currentContext(), Thread.currentThread()));
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        if (!Context.isOnEventLoopThread()) {
            callback.done(true);
            return true;
        }
        Turns loop = turns.get();
        if (loop.tryEnter()) {
            loop.leaveWhenDone(exchange);
            callback.done(true);
            return true;
        }
        loop.await(() -> {
            loop.leaveWhenDone(exchange);
            callback.done(false);
        });
        return false;
    }

    /** One event loop's events: counted and queued by that loop's thread alone. */
    private static final class Turns {
        private final int limit;
        private final Context eventLoop;
        private final Thread loopThread;
        private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
        private int underWay;

        Turns(int limit, Context eventLoop, Thread loopThread) {
            this.limit = limit;
            this.eventLoop = eventLoop;
            this.loopThread = loopThread;
        }

        boolean tryEnter() {
            if (underWay < limit && waiting.isEmpty()) {
                underWay++;
                return true;
            }
            return false;
        }

        void await(Runnable turn) {
            waiting.add(turn);
        }

        /** A retry may end the event on a timer or worker thread: its turn is handed back on the loop. */
        void leaveWhenDone(Exchange exchange) {
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    if (Thread.currentThread() == loopThread) {
                        leave();
                    } else {
                        eventLoop.runOnContext(onLoop -> leave());
                    }
                }
            });
        }

        /** The next event starts after what the loop is doing, not within the route that just ended. */
        private void leave() {
            Runnable next = waiting.poll();
            if (next != null) {
                eventLoop.runOnContext(turn -> next.run());
            } else {
                underWay--;
            }
        }
    }
}
