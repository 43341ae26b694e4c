package io.github.segmentabsmartly.bridge.delivery;

import static io.github.segmentabsmartly.bridge.support.EventLoops.onLoop;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.segmentabsmartly.bridge.support.Eventually;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One event loop's tasks, at most a few under way, the others waiting and starting in order on that loop. Beyond
 * what AwaitEventTurnTest sees through its caller: a waiting task starts after what the loop is doing, not within
 * the task that handed its turn back, and a turn handed back with none waiting frees a place.
 */
class EventLoopTurnsTest {

    final Vertx vertx = Vertx.vertx();
    final Context loop = vertx.getOrCreateContext();
    final List<String> log = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        vertx.close();
    }

    @Test
    void tasksBeyondTheLimitWaitAndStartInOrderOnTheLoopAsTurnsAreHandedBackFromAnyThread() throws Exception {
        EventLoopTurns turns = onLoop(loop, () -> new EventLoopTurns(2));
        String loopThread = onLoop(loop, () -> Thread.currentThread().getName());

        assertEquals(List.of(true, true, false, false), onLoop(loop, () -> List.of(
                turns.enter(started("a")), turns.enter(started("b")), turns.enter(started("c")),
                turns.enter(started("d")))));

        turns.leave();
        awaitLog(1);
        assertEquals(List.of("c on " + loopThread), log);

        onLoop(loop, () -> {
            turns.leave();
            log.add("after leave");
            return null;
        });
        awaitLog(3);
        assertEquals(List.of("c on " + loopThread, "after leave", "d on " + loopThread), log);
    }

    @Test
    void aTurnHandedBackWithNoOneWaitingFreesAPlace() throws Exception {
        EventLoopTurns turns = onLoop(loop, () -> new EventLoopTurns(1));
        assertEquals(true, onLoop(loop, () -> turns.enter(started("a"))));
        assertEquals(false, onLoop(loop, () -> turns.enter(started("b"))));
        turns.leave();
        awaitLog(1);

        onLoop(loop, () -> {
            turns.leave();
            return null;
        });

        assertEquals(true, onLoop(loop, () -> turns.enter(started("c"))));
        assertEquals(List.of("b on " + onLoop(loop, () -> Thread.currentThread().getName())), log);
    }

    private Runnable started(String task) {
        return () -> log.add(task + " on " + Thread.currentThread().getName());
    }

    private void awaitLog(int entries) throws Exception {
        Eventually.waitUntil(entries + " entries in " + log, () -> log.size() >= entries);
        assertEquals(entries, log.size(), log.toString());
    }
}
