package io.github.segmentabsmartly.bridge.delivery;

import io.github.segmentabsmartly.bridge.outcome.EventOutcome.Kind;
import io.github.segmentabsmartly.bridge.outcome.Outcomes;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.file.GenericFileOperationFailedException;

/**
 * An event whose dead letter or outbox line could not be written (a full or read-only disk): it is not kept, so its
 * sender is asked to send it again. The log says which file and what the system said.
 */
public class FileNotWrittenOutcome implements Processor {

    @Override
    public void process(Exchange exchange) {
        GenericFileOperationFailedException notWritten =
                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, GenericFileOperationFailedException.class);
        Outcomes.record(exchange, Kind.RETRY_LATER, "file_not_written",
                "the bridge could not keep the event on disk: send it again", describe(notWritten), null, null);
    }

    /** "could not write PATH: what the file system said" (no space left on device, permission denied). */
    private static String describe(GenericFileOperationFailedException notWritten) {
        String message = String.valueOf(notWritten.getMessage());
        int path = message.indexOf(": ");
        String file = path < 0 ? "its file" : message.substring(path + 2);
        Throwable cause = notWritten;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String said = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return "could not write " + file + ": " + (said.startsWith(file + ": ") ? said.substring(file.length() + 2) : said);
    }
}
