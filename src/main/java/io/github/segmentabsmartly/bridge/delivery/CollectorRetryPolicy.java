package io.github.segmentabsmartly.bridge.delivery;

import io.github.segmentabsmartly.bridge.settings.DeliveryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Camel's {@code retryWhile} for Collector calls (errors.yaml): retries connection errors, timeouts and transient
 * statuses while the event's delivery budget allows, waiting the Collector's Retry-After or an exponential backoff with
 * jitter. The wait is handed to Camel's redelivery in the {@code CamelRedeliveryDelay} header.
 */
public class CollectorRetryPolicy implements Predicate {

    /** Set when the budget, not the Collector, ended the retries: the Retry-After to pass on to the sender. */
    static final String SENDER_RETRY_AFTER = "absmartlySenderRetryAfter";
    private static final String RETRIES = "absmartlyRetries";

    private final DeliveryPolicy policy;
    private final DeliveryBudget budget;
    private final CollectorCallMetrics metrics;

    public CollectorRetryPolicy(DeliveryPolicy policy, DeliveryBudget budget, CollectorCallMetrics metrics) {
        this.policy = policy;
        this.budget = budget;
        this.metrics = metrics;
    }

    @Override
    public boolean matches(Exchange exchange) {
        Exception failure = exchange.getException() != null
                ? exchange.getException() : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Duration retryAfter = null;
        if (failure instanceof HttpOperationFailedException refused) {
            if (!CollectorStatus.isTransient(refused.getStatusCode())) {
                return false;
            }
            retryAfter = CollectorStatus.retryAfter(refused.getResponseHeaders(), System.currentTimeMillis());
        } else if (failure instanceof IOException) {
            metrics.noAnswer(exchange);
        } else {
            return false;
        }
        int retries = exchange.getProperty(RETRIES, 0, Integer.class);
        long delay = retryAfter != null ? retryAfter.toMillis() : backoff(retries);
        if (delay >= budget.millisLeft(exchange)) {
            if (retryAfter != null) {
                exchange.setProperty(SENDER_RETRY_AFTER, Math.max(1, retryAfter.toSeconds()));
            }
            return false;
        }
        exchange.setProperty(RETRIES, retries + 1);
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, delay);
        metrics.retrying(exchange);
        return true;
    }

    /** Exponential from the initial delay, capped, with "equal jitter": between half and all of it. */
    long backoff(int retries) {
        long ceiling = policy.maxBackoff().toMillis();
        long exponential = policy.initialBackoff().toMillis() << Math.min(retries, 20);
        long capped = Math.min(ceiling, exponential);
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }
}
