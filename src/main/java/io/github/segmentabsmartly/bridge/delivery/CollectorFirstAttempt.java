package io.github.segmentabsmartly.bridge.delivery;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * An event's first Collector call, made on a route without retries. Camel copies the exchange before every step
 * of a route with retries, in case the step has to be tried again; most first calls succeed, and need no copy.
 * A failed first call does not fail the exchange: its failure is kept ({@link BridgeExchange#FIRST_CALL_FAILURE})
 * for the route with retries (absmartly-collector-call), whose {@link CollectorCall} raises it there, as its own
 * first attempt's, so that Camel's redelivery retries it as if that route had made it.
 */
public class CollectorFirstAttempt extends AsyncProcessorSupport {

    private final AsyncProcessor call;

    public CollectorFirstAttempt(AsyncProcessor call) {
        this.call = call;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        return call.process(exchange, doneSync -> {
            Exception failure = exchange.getException();
            if (failure != null) {
                exchange.setException(null);
                exchange.setProperty(BridgeExchange.FIRST_CALL_FAILURE, failure);
            }
            callback.done(doneSync);
        });
    }
}
