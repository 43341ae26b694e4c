package io.github.segmentabsmartly.bridge.dedup;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A store that outlives this instance (a database, a Kafka topic) learns a messageId only once its event is done
 * with: delivered, dead-lettered or ignored ({@code confirm}, called when the event's outcome is known). While
 * the event is on its way the claim is this instance's alone, so an instance that dies mid-delivery leaves
 * nothing behind that would make the event, sent again, look like a duplicate and be dropped.
 */
final class RecordedWhenDone extends ServiceSupport implements IdempotentRepository {

    private final Supplier<IdempotentRepository> storeAtStart;
    private final Set<String> onTheirWay = ConcurrentHashMap.newKeySet();
    private volatile IdempotentRepository store;

    /** @param storeAtStart makes the lasting store when this starts (when its settings are all known) */
    RecordedWhenDone(Supplier<IdempotentRepository> storeAtStart) {
        this.storeAtStart = storeAtStart;
    }

    @Override
    public boolean add(String key) {
        return !store.contains(key) && onTheirWay.add(key);
    }

    @Override
    public boolean contains(String key) {
        return onTheirWay.contains(key) || store.contains(key);
    }

    /** The event ended rejected or to be retried, or a dead letter is replayed: it may come again. */
    @Override
    public boolean remove(String key) {
        onTheirWay.remove(key);
        if (store.contains(key)) {
            store.remove(key);
        }
        return true;
    }

    @Override
    public boolean confirm(String key) {
        if (onTheirWay.contains(key)) {
            store.add(key);
            onTheirWay.remove(key);
        }
        return true;
    }

    @Override
    public void clear() {
        onTheirWay.clear();
        store.clear();
    }

    @Override
    protected void doStart() {
        store = storeAtStart.get();
        ServiceHelper.startService(store);
    }

    @Override
    protected void doStop() {
        ServiceHelper.stopService(store);
    }
}
