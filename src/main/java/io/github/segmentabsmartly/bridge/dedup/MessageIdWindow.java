package io.github.segmentabsmartly.bridge.dedup;

import java.security.SecureRandom;
import java.util.Arrays;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The in-memory deduplication store: the last {@code size} messageIds added, each kept as a 64-bit hash (seeded
 * at random, so that nobody can work out a messageId that collides with another's). About 40 bytes a messageId,
 * where Camel's memory repository takes some 200 (the string and an LRU cache's nodes), which at the default
 * window was a quarter of the bridge's heap. A new messageId matches the hash of one of 100,000 others with a
 * chance of about 5 in 10^15 (taken for a duplicate: at 40,000 events a second, once in some 150 years).
 *
 * <p>A ring holds the hashes in the order they were added, and the oldest is forgotten for each new one once the
 * ring is full; an open-addressing table (linear probing, at most half full) finds them.
 */
public final class MessageIdWindow extends ServiceSupport implements IdempotentRepository {

    private static final long FREE = 0;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final long seed = new SecureRandom().nextLong();
    private final long[] ring;
    private final long[] keys;
    /** For each key, the ring position it was last added at: an older copy in the ring must not evict it. */
    private final int[] addedAt;
    private final int mask;
    private int next;
    private boolean ringFull;

    public MessageIdWindow(int size) {
        ring = new long[Math.max(1, size)];
        int capacity = Integer.highestOneBit(Math.max(2, ring.length * 2 - 1)) << 1;
        keys = new long[capacity];
        addedAt = new int[capacity];
        mask = capacity - 1;
    }

    @Override
    public synchronized boolean add(String messageId) {
        long hash = hash(messageId);
        if (find(hash) >= 0) {
            return false;
        }
        if (ringFull) {
            int oldest = find(ring[next]);
            if (oldest >= 0 && addedAt[oldest] == next) {
                delete(oldest);
            }
        }
        ring[next] = hash;
        insert(hash, next);
        next = (next + 1) % ring.length;
        ringFull |= next == 0;
        return true;
    }

    @Override
    public synchronized boolean contains(String messageId) {
        return find(hash(messageId)) >= 0;
    }

    @Override
    public synchronized boolean remove(String messageId) {
        int at = find(hash(messageId));
        if (at < 0) {
            return false;
        }
        delete(at);
        return true;
    }

    @Override
    public boolean confirm(String messageId) {
        return true;
    }

    @Override
    public synchronized void clear() {
        Arrays.fill(keys, FREE);
        next = 0;
        ringFull = false;
    }

    /** FNV-1a over the characters from a random start, then MurmurHash3's finalizer; never FREE. */
    long hash(String messageId) {
        long hash = seed;
        for (int i = 0; i < messageId.length(); i++) {
            hash = (hash ^ messageId.charAt(i)) * FNV_PRIME;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash == FREE ? 1 : hash;
    }

    private int home(long hash) {
        return (int) hash & mask;
    }

    private int find(long hash) {
        for (int at = home(hash); keys[at] != FREE; at = (at + 1) & mask) {
            if (keys[at] == hash) {
                return at;
            }
        }
        return -1;
    }

    private void insert(long hash, int ringPosition) {
        int at = home(hash);
        while (keys[at] != FREE) {
            at = (at + 1) & mask;
        }
        keys[at] = hash;
        addedAt[at] = ringPosition;
    }

    /** Empties a slot, moving back each later key of the same run that could no longer be found past the gap. */
    private void delete(int gap) {
        keys[gap] = FREE;
        for (int at = (gap + 1) & mask; keys[at] != FREE; at = (at + 1) & mask) {
            int home = home(keys[at]);
            boolean reachableWithoutGap = gap < at ? home > gap && home <= at : home > gap || home <= at;
            if (!reachableWithoutGap) {
                keys[gap] = keys[at];
                addedAt[gap] = addedAt[at];
                keys[at] = FREE;
                gap = at;
            }
        }
    }
}
