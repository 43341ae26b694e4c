package io.github.segmentabsmartly.bridge.delivery;

import org.apache.camel.Exchange;

/**
 * Told of each Collector call (once its answer or failure is on the exchange), of each batch call
 * (BRIDGE_DELIVERY_COLLECTOR_BATCH) and of each retry decided.
 */
public interface CollectorCallObserver {

    CollectorCallObserver NONE = new CollectorCallObserver() {
        @Override
        public void called(Exchange exchange, long nanos) {
        }

        @Override
        public void batchCalled(CollectorAnswer answer, long nanos) {
        }

        @Override
        public void retrying(Exchange exchange) {
        }
    };

    void called(Exchange exchange, long nanos);

    /** @param answer the Collector's answer to a {@code PUT /context/batch}, or null for none */
    void batchCalled(CollectorAnswer answer, long nanos);

    void retrying(Exchange exchange);
}
