package io.github.segmentabsmartly.bridge.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventLoopFirstExecutorTest {

    final Vertx vertx = Vertx.vertx();
    final ExecutorService pool = Executors.newSingleThreadExecutor(task -> new Thread(task, "the-pool"));
    final EventLoopFirstExecutor executor = new EventLoopFirstExecutor(pool);

    @AfterEach
    void stop() {
        executor.shutdownNow();
        vertx.close();
    }

    @Test
    void aTaskHandedOverOnAnEventLoopRunsOnThatLoopOnceTheCallerIsDone() throws Exception {
        CompletableFuture<String> ran = new CompletableFuture<>();
        CompletableFuture<String> handedOverOn = new CompletableFuture<>();
        vertx.runOnContext(onLoop -> {
            AtomicBoolean callerDone = new AtomicBoolean();
            executor.execute(() -> ran.complete(Thread.currentThread().getName() + (callerDone.get() ? ", after" : ", within")));
            callerDone.set(true);
            handedOverOn.complete(Thread.currentThread().getName());
        });

        assertEquals(handedOverOn.get(5, TimeUnit.SECONDS) + ", after", ran.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aTaskHandedOverOffTheEventLoopsRunsOnThePool() throws Exception {
        CompletableFuture<String> ran = new CompletableFuture<>();

        executor.execute(() -> ran.complete(Thread.currentThread().getName()));

        assertEquals("the-pool", ran.get(5, TimeUnit.SECONDS));
    }
}
