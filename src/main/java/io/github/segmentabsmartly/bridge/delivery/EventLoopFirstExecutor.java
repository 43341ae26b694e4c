package io.github.segmentabsmartly.bridge.delivery;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where the events of an array or batch are delivered at once (the split's executor): on the Vert.x event loop of
 * the thread that hands them over, one after the other in the loop's queue, when that thread is one (the HTTP
 * routes on the event loop: nothing on their way blocks, and each event's Collector call holds no thread, so all
 * of them are under way at once without a thread hand-off); otherwise on a pool, as Camel does.
 */
public final class EventLoopFirstExecutor extends AbstractExecutorService {

    private final ExecutorService pool;

    public EventLoopFirstExecutor(ExecutorService pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        Context eventLoop = Vertx.currentContext();
        if (eventLoop != null && Context.isOnEventLoopThread()) {
            eventLoop.runOnContext(queued -> task.run());
        } else {
            pool.execute(task);
        }
    }

    @Override
    public void shutdown() {
        pool.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return pool.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return pool.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return pool.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return pool.awaitTermination(timeout, unit);
    }
}
