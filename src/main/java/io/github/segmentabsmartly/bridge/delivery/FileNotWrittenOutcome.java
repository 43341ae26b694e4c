package io.github.segmentabsmartly.bridge.delivery;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.ingest.EventOutcome.Kind;
import io.github.segmentabsmartly.bridge.ingest.Outcomes;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.file.GenericFileOperationFailedException;

/**
 * An event whose dead letter or outbox line could not be written (a full or read-only disk): it is not kept, so its
 * sender is asked to send it again, told which file and what the system said.
 */
public class FileNotWrittenOutcome implements Processor {

    @Override
    public void process(Exchange exchange) {
        GenericFileOperationFailedException notWritten =
                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, GenericFileOperationFailedException.class);
        // not kept: a replay reports it among the events still to be sent (ReplayLeftovers)
        exchange.removeProperty(BridgeExchange.KEEP_FOR_REPLAY);
        String file = fileOf(notWritten);
        Outcomes.record(exchange, Kind.RETRY_LATER, "file_not_written",
                "the bridge could not write " + file + ": " + causeOf(notWritten, file), null, null);
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
}
