package io.github.segmentabsmartly.bridge.delivery;

import java.util.Map;

/**
 * An event whose Collector request is ready (CollectorRequest ran) but held for its request's batch call: what its
 * exchange carried, so that it can go on where it stopped, delivered by the batch call or sent on its own.
 */
public final class HeldEvent {

    private final int index;
    private final Map<String, Object> properties;
    private final Map<String, Object> headers;
    private final byte[] body;
    private volatile boolean sentInBatch;

    /**
     * @param index      its position in the request
     * @param properties its exchange's properties
     * @param headers    the Collector request's headers
     * @param body       the publish body, as JSON
     */
    HeldEvent(int index, Map<String, Object> properties, Map<String, Object> headers, byte[] body) {
        this.index = index;
        this.properties = properties;
        this.headers = headers;
        this.body = body;
    }

    public int index() {
        return index;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    Map<String, Object> headers() {
        return headers;
    }

    byte[] body() {
        return body;
    }

    /** Whether the Collector accepted it in a batch call. */
    public boolean sentInBatch() {
        return sentInBatch;
    }

    void acceptedInBatch() {
        sentInBatch = true;
    }
}
