package io.github.segmentabsmartly.bridge.settings;

/**
 * How large a request the bridge reads, after Segment's own HTTP Tracking API limits.
 *
 * @param maxEventBytes       one event (a single-event body, or one event of a batch)
 * @param maxTrackingApiBytes a whole body on the HTTP Tracking API paths (/v1/...)
 * @param maxBatchEvents      events in one array or batch
 * @param maxInFlight         requests being handled at once; more are answered 503
 * @param maxBodyBytes        any body, also once decompressed (the HTTP server's own limit)
 */
public record RequestLimits(long maxEventBytes, long maxTrackingApiBytes, int maxBatchEvents, int maxInFlight,
        long maxBodyBytes) {
}
