package io.github.segmentabsmartly.bridge.ingest;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What requests may hold at once while they are read: body bytes (as received and decompressed) up to a budget, so
 * that memory goes to requests in proportion to what they are allowed to send; and threads reading the body of a
 * request whose credentials are in that body (a webhook signature, a write key), so that senders who cannot be told
 * apart from a stranger before their body is in never hold every thread.
 */
public final class IngestCapacity {

    private final long maxBytes;
    private final AtomicLong bytes = new AtomicLong();
    private final Semaphore unverifiedReaders;

    /** @param unverifiedReaders how many requests may be read at once before their credentials can be checked */
    public IngestCapacity(long maxBytes, int unverifiedReaders) {
        this.maxBytes = maxBytes;
        this.unverifiedReaders = new Semaphore(Math.max(1, unverifiedReaders));
    }

    /** A new request's share: none (null) while the budget is used up. */
    Share admit() {
        return bytes.get() >= maxBytes ? null : new Share();
    }

    boolean startUnverifiedRead() {
        return unverifiedReaders.tryAcquire();
    }

    void endUnverifiedRead() {
        unverifiedReaders.release();
    }

    /** The bytes one request holds, given back all at once when it is answered. */
    final class Share implements AutoCloseable {

        private long held;

        /** Takes more bytes for the request; false, taking none, when they would go past the budget. */
        boolean take(long more) {
            if (bytes.addAndGet(more) > maxBytes) {
                bytes.addAndGet(-more);
                return false;
            }
            held += more;
            return true;
        }

        @Override
        public void close() {
            bytes.addAndGet(-held);
            held = 0;
        }
    }
}
