package io.github.segmentabsmartly.bridge.settings;

import java.time.Duration;

/**
 * How the bridge talks to the Collector.
 *
 * @param connectTimeout  for one attempt, to get a connection (from the pool, or a new one)
 * @param responseTimeout for one attempt, the longest silence while waiting for the answer
 * @param maxConnections  keep-alive connections to the Collector at most; more requests wait for one of them
 */
public record CollectorConnection(Duration connectTimeout, Duration responseTimeout, int maxConnections) {

    /** The connections of each of {@code eventLoops} event loops that call the Collector, one at least. */
    public int perEventLoop(int eventLoops) {
        return Math.max(1, maxConnections / Math.max(1, eventLoops));
    }
}
