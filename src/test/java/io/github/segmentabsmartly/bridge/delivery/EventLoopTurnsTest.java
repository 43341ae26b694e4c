package io.github.segmentabsmartly.bridge.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.github.segmentabsmartly.bridge.support.Eventually;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One event loop's tasks, at most a few under way: the others wait and start in order, on that loop. */
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
        EventLoopTurns turns = onLoop(() -> new EventLoopTurns(2));
        String loopThread = onLoop(() -> Thread.currentThread().getName());

        assertEquals(List.of(true, true, false, false), onLoop(() -> List.of(
                turns.enter(started("a")), turns.enter(started("b")), turns.enter(started("c")),
                turns.enter(started("d")))));

        turns.leave();
        awaitLog(1);
        assertEquals(List.of("c on " + loopThread), log);

        onLoop(() -> {
            turns.leave();
            log.add("after leave");
            return null;
        });
        awaitLog(3);
        assertEquals(List.of("c on " + loopThread, "after leave", "d on " + loopThread), log);
    }

    @Test
    void aTurnHandedBackWithNoOneWaitingFreesAPlace() throws Exception {
        EventLoopTurns turns = onLoop(() -> new EventLoopTurns(1));
        assertEquals(true, onLoop(() -> turns.enter(started("a"))));
        assertEquals(false, onLoop(() -> turns.enter(started("b"))));
        turns.leave();
        awaitLog(1);

        onLoop(() -> {
            turns.leave();
            return null;
        });

        assertEquals(true, onLoop(() -> turns.enter(started("c"))));
        assertEquals(List.of("b on " + onLoop(() -> Thread.currentThread().getName())), log);
    }

    private Runnable started(String task) {
        return () -> log.add(task + " on " + Thread.currentThread().getName());
    }

    private void awaitLog(int entries) throws Exception {
        Eventually.waitUntil(entries + " entries in " + log, () -> log.size() >= entries);
        assertEquals(entries, log.size(), log.toString());
    }

    private <T> T onLoop(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.runOnContext(ignored -> {
            try {
                result.complete(work.call());
            } catch (Exception failed) {
                result.completeExceptionally(failed);
            }
        });
        return result.get(5, TimeUnit.SECONDS);
    }
}
