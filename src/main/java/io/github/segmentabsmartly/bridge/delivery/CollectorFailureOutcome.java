package io.github.segmentabsmartly.bridge.delivery;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.ingest.EventOutcome.Kind;
import io.github.segmentabsmartly.bridge.ingest.Outcomes;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Decides what a Collector failure means once retrying is over. A refusal of the event itself (400 and the
 * other 4xx, 501) is dead-lettered; anything that may pass later (the Collector down or slow, our API key or
 * environment rejected) asks the sender to send the event again. A rejected key also leaves a copy in the
 * dead-letter file, for replay after the fix: deduplication by messageId keeps the two from doubling.
 */
public class CollectorFailureOutcome implements Processor {

    private static final int MAX_BODY_IN_REASON = 300;

    @Override
    public void process(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Long retryAfter = exchange.getProperty(CollectorRetryPolicy.SENDER_RETRY_AFTER, Long.class);
        if (!(failure instanceof HttpOperationFailedException refused)) {
            String reason = failure instanceof RetryBudgetSpentException
                    ? failure.getMessage()
                    : "no answer from the Collector: " + failure.getClass().getSimpleName()
                            + (failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")");
            String code = failure instanceof RetryBudgetSpentException ? "budget_spent" : "no_answer";
            Outcomes.record(exchange, Kind.RETRY_LATER, code, reason, null, retryAfter);
            return;
        }
        int status = refused.getStatusCode();
        if (CollectorStatus.isCredentialsProblem(status)) {
            // The sender keeps the event for a while (Segment: 4 hours); the copy outlives a longer outage.
            exchange.setProperty(BridgeExchange.KEEP_FOR_REPLAY, true);
            Outcomes.record(exchange, Kind.RETRY_LATER, "credentials_rejected",
                    "the Collector rejected the bridge's API key or environment"
                    + " (HTTP " + status + "): fix ABSMARTLY_API_KEY / ABSMARTLY_ENVIRONMENT", status, retryAfter);
        } else if (CollectorStatus.isTransient(status) || status < 400) {
            Outcomes.record(exchange, Kind.RETRY_LATER, "http_" + status,
                    "the Collector answered HTTP " + status + " until the delivery budget ran out", status, retryAfter);
        } else {
            exchange.setProperty(BridgeExchange.KEEP_FOR_REPLAY, true);
            Outcomes.record(exchange, Kind.DEAD_LETTERED, "http_" + status,
                    "the Collector refused the event (HTTP " + status + ")" + bodyOf(refused), status, null);
        }
    }

    private static String bodyOf(HttpOperationFailedException refused) {
        String body = refused.getResponseBody();
        if (body == null || body.isBlank()) {
            return "";
        }
        String trimmed = body.strip();
        boolean tooLong = trimmed.length() > MAX_BODY_IN_REASON;
        return ": " + (tooLong ? trimmed.substring(0, MAX_BODY_IN_REASON) + "…" : trimmed);
    }
}
