package io.github.segmentabsmartly.bridge.delivery;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.ingest.EventOutcome.Kind;
import io.github.segmentabsmartly.bridge.ingest.Outcomes;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Decides what a Collector failure means once retrying is over. A refusal of the event itself (400 and the
 * other 4xx, 501) is dead-lettered; anything that may pass later (the Collector down or slow, our API key or
 * environment rejected) asks the sender to send the event again. A rejected key also leaves a copy in the
 * dead-letter file, for replay after the fix: deduplication by messageId keeps the two from doubling.
 *
 * <p>The routes that write files (the dead letter, the outbox) share the Collector's retries, so a file that could
 * not be written ends here too: the event is not kept, and the sender is asked to send it again.
 */
public class CollectorFailureOutcome implements Processor {

    private static final int MAX_BODY_IN_REASON = 300;

    @Override
    public void process(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Long retryAfter = exchange.getProperty(CollectorRetryPolicy.SENDER_RETRY_AFTER, Long.class);
        if (failure instanceof GenericFileOperationFailedException notWritten) {
            // no dead letter of a dead letter that could not be written
            exchange.removeProperty(BridgeExchange.KEEP_FOR_REPLAY);
            String file = fileOf(notWritten);
            Outcomes.record(exchange, Kind.RETRY_LATER, "file_not_written",
                    "the bridge could not write " + file + ": " + causeOf(notWritten, file), null, retryAfter);
            return;
        }
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

    /** Camel says "Cannot store file: PATH". */
    private static String fileOf(GenericFileOperationFailedException notWritten) {
        String message = notWritten.getMessage();
        int path = message == null ? -1 : message.indexOf(": ");
        return path < 0 ? "its file" : message.substring(path + 2);
    }

    /** What the file system said (no space left on device, permission denied), without the path again. */
    private static String causeOf(Throwable failure, String file) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String said = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return said.startsWith(file + ": ") ? said.substring(file.length() + 2) : said;
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
