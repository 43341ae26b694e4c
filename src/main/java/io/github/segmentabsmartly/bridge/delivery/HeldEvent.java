package io.github.segmentabsmartly.bridge.delivery;

import java.util.Map;

/**
 * An event whose Collector request is ready (CollectorRequest ran) but held for its request's batch call: what
 * its exchange carried, so that it can go on where it stopped, sent in the batch or on its own.
 *
 * @param index       its position in the request
 * @param properties  its exchange's properties
 * @param headers     the Collector request's headers
 * @param body        the publish body, as JSON
 * @param sentInBatch whether the Collector accepted it in a batch call
 */
public record HeldEvent(int index, Map<String, Object> properties, Map<String, Object> headers, byte[] body,
        boolean sentInBatch) {

    HeldEvent accepted() {
        return new HeldEvent(index, properties, headers, body, true);
    }
}
