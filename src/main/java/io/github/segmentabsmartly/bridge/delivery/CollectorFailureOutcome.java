package io.github.segmentabsmartly.bridge.delivery;

import io.github.segmentabsmartly.bridge.outcome.EventOutcome;
import io.github.segmentabsmartly.bridge.outcome.EventOutcome.Kind;
import io.github.segmentabsmartly.bridge.outcome.Outcomes;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Decides what a Collector failure means once retrying is over. A refusal of the event itself (400 and the other 4xx,
 * 501) is dead-lettered; anything that may pass later (the Collector down or slow, the bridge's API key or environment
 * rejected) asks the sender to send the event again. A rejected key also leaves a copy in the dead-letter file, for
 * replay after the fix: deduplication by messageId keeps the two from doubling. The sender is told the status, never
 * the Collector's answer or host, which go to the log and the dead-letter file.
 */
public class CollectorFailureOutcome implements Processor {

    private static final int MAX_ANSWER_IN_DETAIL = 300;

    @Override
    public void process(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Long retryAfter = exchange.getProperty(CollectorRetryPolicy.SENDER_RETRY_AFTER, Long.class);
        if (failure instanceof DeliveryBudgetSpentException) {
            Outcomes.record(exchange, Kind.RETRY_LATER, "budget_spent", failure.getMessage(), null, null, retryAfter);
        } else if (!(failure instanceof HttpOperationFailedException refused)) {
            Outcomes.record(exchange, Kind.RETRY_LATER, "no_answer", "no answer from the Collector",
                    failure.toString(), null, retryAfter);
        } else {
            recordRefusal(exchange, refused, retryAfter);
        }
    }

    private static void recordRefusal(Exchange exchange, HttpOperationFailedException refused, Long retryAfter) {
        int status = refused.getStatusCode();
        String answer = answerOf(refused);
        if (CollectorStatus.isCredentialsProblem(status)) {
            // The sender keeps the event for a while (Segment: 4 hours); the copy outlives a longer outage.
            Outcomes.record(exchange, Kind.RETRY_LATER, EventOutcome.CREDENTIALS_REJECTED,
                    "the Collector rejected the bridge's API key or environment (HTTP " + status
                    + "): fix ABSMARTLY_API_KEY / ABSMARTLY_ENVIRONMENT", answer, status, retryAfter);
        } else if (CollectorStatus.isTransient(status) || status < 400) {
            Outcomes.record(exchange, Kind.RETRY_LATER, "http_" + status,
                    "the Collector answered HTTP " + status + " until the delivery budget ran out", answer, status,
                    retryAfter);
        } else {
            Outcomes.record(exchange, Kind.DEAD_LETTERED, "http_" + status,
                    "the Collector refused the event (HTTP " + status + ")", answer, status, null);
        }
    }

    /** What the Collector said, for the log and the dead-letter file. */
    private static String answerOf(HttpOperationFailedException refused) {
        String body = refused.getResponseBody();
        if (body == null || body.isBlank()) {
            return null;
        }
        String trimmed = body.strip();
        return "the Collector said " + (trimmed.length() > MAX_ANSWER_IN_DETAIL
                ? trimmed.substring(0, MAX_ANSWER_IN_DETAIL) + "…" : trimmed);
    }
}
