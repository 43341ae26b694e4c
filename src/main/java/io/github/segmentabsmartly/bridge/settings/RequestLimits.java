package io.github.segmentabsmartly.bridge.settings;

import java.time.Duration;

/**
 * How much of a request the bridge reads, after Segment's own HTTP Tracking API limits.
 *
 * @param maxEventBytes       one event (a single-event body, or one event of a batch)
 * @param maxTrackingApiBytes a whole body on the HTTP Tracking API paths (/v1/...), also once decompressed
 * @param maxBatchEvents      events in one array or batch
 * @param maxBodyBytes        any body, also once decompressed
 * @param maxBytesInFlight    body bytes (as received and decompressed) held by all requests at once; past it, a
 *                            request is answered 503 with Retry-After
 * @param readTimeout         how long a body may take to arrive in full
 */
public record RequestLimits(long maxEventBytes, long maxTrackingApiBytes, int maxBatchEvents, long maxBodyBytes,
        long maxBytesInFlight, Duration readTimeout) {
}
