package io.github.segmentabsmartly.bridge.ingest;

import io.github.segmentabsmartly.bridge.delivery.EventLoopTurns;
import io.vertx.core.Context;
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

    private final ThreadLocal<EventLoopTurns> turns;

    /** @param limit the events of one event loop under way at once */
    public AwaitEventTurn(int limit) {
        this.turns = ThreadLocal.withInitial(() -> new EventLoopTurns(limit));
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        if (!Context.isOnEventLoopThread()) {
            callback.done(true);
            return true;
        }
        EventLoopTurns loop = turns.get();
        if (loop.enter(() -> {
            leaveWhenDone(loop, exchange);
            callback.done(false);
        })) {
            leaveWhenDone(loop, exchange);
            callback.done(true);
            return true;
        }
        return false;
    }

    /** The turn is handed back when the event's route has ended, however it ended. */
    private static void leaveWhenDone(EventLoopTurns loop, Exchange exchange) {
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                loop.leave();
            }
        });
    }
}
