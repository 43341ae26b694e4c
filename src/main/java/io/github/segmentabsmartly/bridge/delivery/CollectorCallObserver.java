package io.github.segmentabsmartly.bridge.delivery;

import org.apache.camel.Exchange;

/** Told of each Collector call (once its answer or failure is on the exchange) and of each retry decided. */
public interface CollectorCallObserver {

    CollectorCallObserver NONE = new CollectorCallObserver() {
        @Override
        public void called(Exchange exchange, long nanos) {
        }

        @Override
        public void retrying(Exchange exchange) {
        }
    };

    void called(Exchange exchange, long nanos);

    void retrying(Exchange exchange);
}
