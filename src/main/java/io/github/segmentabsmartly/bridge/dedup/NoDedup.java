package io.github.segmentabsmartly.bridge.dedup;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/** BRIDGE_DEDUP_STORE=none: every messageId is new. */
final class NoDedup extends ServiceSupport implements IdempotentRepository {

    @Override
    public boolean add(String key) {
        return true;
    }

    @Override
    public boolean contains(String key) {
        return false;
    }

    @Override
    public boolean remove(String key) {
        return false;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        // nothing is kept
    }
}
