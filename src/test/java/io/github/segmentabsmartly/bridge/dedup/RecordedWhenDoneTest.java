package io.github.segmentabsmartly.bridge.dedup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A lasting store (here one in memory, shared like a database or topic) learns an id only when it is done. */
class RecordedWhenDoneTest {

    IdempotentRepository lasting;
    RecordedWhenDone instance;

    @BeforeEach
    void oneInstanceOnALastingStore() {
        lasting = MemoryIdempotentRepository.memoryIdempotentRepository(100);
        instance = started();
    }

    private RecordedWhenDone started() {
        RecordedWhenDone repository = new RecordedWhenDone(() -> lasting);
        ServiceHelper.startService(repository);
        return repository;
    }

    @Test
    void anEventOnItsWayIsADuplicateHereButNotYetInTheLastingStore() {
        assertTrue(instance.add("m-1"));

        assertFalse(instance.add("m-1"), "the same id, while the first is on its way");
        assertFalse(lasting.contains("m-1"), "an instance that dies now must not leave the id behind");
        assertTrue(started().add("m-1"), "another instance (or a restart) delivers it");
    }

    @Test
    void aConfirmedEventIsADuplicateForEveryInstance() {
        instance.add("m-2");
        instance.confirm("m-2");

        assertTrue(lasting.contains("m-2"));
        assertFalse(instance.add("m-2"));
        assertFalse(started().add("m-2"));
    }

    @Test
    void aRemovedIdMayComeAgainAndALaterConfirmDoesNotRecordIt() {
        instance.add("m-3");
        instance.remove("m-3");
        instance.confirm("m-3");

        assertFalse(lasting.contains("m-3"));
        assertTrue(instance.add("m-3"));
    }

    @Test
    void removingARecordedIdForgetsItInTheLastingStore() {
        instance.add("m-4");
        instance.confirm("m-4");

        instance.remove("m-4");

        assertFalse(lasting.contains("m-4"));
        assertTrue(started().add("m-4"), "a replayed dead letter is delivered");
    }
}
