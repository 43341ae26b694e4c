package io.github.segmentabsmartly.bridge.settings;

import java.time.Duration;

/**
 * How hard the bridge tries the Collector while the sender waits.
 *
 * @param budget           all attempts for one incoming request start within this time (Segment waits 5 s)
 * @param initialBackoff   delay before the first retry; doubled for each further one
 * @param maxBackoff       cap on one delay, before jitter
 * @param senderRetryAfter the Retry-After given to the sender when no Collector answer suggested one
 */
public record DeliveryPolicy(Duration budget, Duration initialBackoff, Duration maxBackoff,
        Duration senderRetryAfter) {
}
