package io.github.segmentabsmartly.bridge.support;

import io.vertx.core.Context;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Work run on a Vert.x event loop, as the bridge's HTTP routes run, with its result waited for. */
public final class EventLoops {

    private EventLoops() {
    }

    public static <T> T onLoop(Context loop, Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.runOnContext(turn -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(5, TimeUnit.SECONDS);
    }
}
