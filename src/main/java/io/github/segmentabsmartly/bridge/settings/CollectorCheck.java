package io.github.segmentabsmartly.bridge.settings;

import java.time.Duration;

/**
 * The readiness check's call to the Collector ({@code GET {endpoint}/context/authed}).
 *
 * @param timeout  how long the call may take (connecting and answering) before the check says not ready
 * @param cacheFor how long an answer is reused, so that many probes make one call
 */
public record CollectorCheck(Duration timeout, Duration cacheFor) {
}
