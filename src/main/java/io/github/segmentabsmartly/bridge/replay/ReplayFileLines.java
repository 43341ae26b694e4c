package io.github.segmentabsmartly.bridge.replay;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;

/**
 * The lines of a replayed file, read one at a time as the replay route's split asks for them: the file's size costs
 * nothing, and a line costs at most the longest line the bridge writes. A longer line is skipped to its end, and
 * given as a line without text, to be reported. Blank lines are left out.
 */
public class ReplayFileLines {

    private final int maxLineBytes;

    /** @param maxLineBytes the longest line read */
    public ReplayFileLines(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /** For files of lines the bridge writes: each holds an event, with its reason and source. */
    public static ReplayFileLines forEventsOf(long maxEventBytes) {
        return new ReplayFileLines((int) Math.min(Integer.MAX_VALUE / 2, 2 * maxEventBytes + 16_384));
    }

    /** For the split: an iterator that closes the file once it has given its last line. */
    public Iterator<ReplayLine> linesOf(Exchange exchange) throws InvalidPayloadException {
        return new Lines(new BufferedInputStream(exchange.getIn().getMandatoryBody(InputStream.class)));
    }

    private final class Lines implements Iterator<ReplayLine>, Closeable {

        private final InputStream in;
        private final ReplayHalt halt = new ReplayHalt();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private ReplayLine next;
        private int number;
        private boolean ended;

        Lines(InputStream in) {
            this.in = in;
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                next = read();
            }
            return next != null;
        }

        @Override
        public ReplayLine next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ReplayLine given = next;
            next = null;
            return given;
        }

        /** The next line that is not blank, or null at the end of the file (which is then closed). */
        private ReplayLine read() {
            if (ended) {
                return null;
            }
            try {
                while (true) {
                    line.reset();
                    boolean tooLong = false;
                    int b = in.read();
                    if (b < 0) {
                        ended = true;
                        close();
                        return null;
                    }
                    number++;
                    for (; b >= 0 && b != '\n'; b = in.read()) {
                        if (line.size() < maxLineBytes) {
                            line.write(b);
                        } else {
                            tooLong = true;
                        }
                    }
                    String text = line.toString(StandardCharsets.UTF_8);
                    if (tooLong || !text.isBlank()) {
                        return new ReplayLine(number, tooLong ? null : text, halt);
                    }
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
