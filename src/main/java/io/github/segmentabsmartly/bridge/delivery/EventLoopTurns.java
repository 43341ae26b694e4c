package io.github.segmentabsmartly.bridge.delivery;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;

/**
 * At most {@code limit} of one event loop's tasks under way, the others waiting their turn, in order. Made, entered
 * and counted on that loop's thread alone; a turn may be handed back from any thread (a retry's timer, a worker).
 */
public final class EventLoopTurns {

    private final int limit;
    private final Context eventLoop = Vertx.currentContext();
    private final Thread loopThread = Thread.currentThread();
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int underWay;

    /** Made on the event loop whose tasks it counts. */
    public EventLoopTurns(int limit) {
        this.limit = limit;
    }

    /**
     * Whether the task may start now (true: the caller goes on at once); otherwise {@code later} runs on the loop
     * when its turn comes. Either way, the task hands its turn back with {@link #leave()}.
     */
    public boolean enter(Runnable later) {
        if (underWay < limit && waiting.isEmpty()) {
            underWay++;
            return true;
        }
        waiting.add(later);
        return false;
    }

    /** The next task starts after what the loop is doing, not within the task that just ended. */
    public void leave() {
        if (Thread.currentThread() != loopThread) {
            eventLoop.runOnContext(onLoop -> leave());
            return;
        }
        Runnable next = waiting.poll();
        if (next != null) {
            eventLoop.runOnContext(turn -> next.run());
        } else {
            underWay--;
        }
    }
}
