package io.github.segmentabsmartly.bridge.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageIdWindowTest {

    @Test
    void aMessageIdIsAddedOnce() {
        MessageIdWindow window = new MessageIdWindow(10);

        assertTrue(window.add("m-1"));
        assertFalse(window.add("m-1"));
        assertTrue(window.contains("m-1"));
        assertFalse(window.contains("m-2"));
    }

    @Test
    void theOldestIsForgottenOnceTheWindowIsFull() {
        MessageIdWindow window = new MessageIdWindow(3);
        for (String id : new String[] {"a", "b", "c", "d"}) {
            window.add(id);
        }

        assertFalse(window.contains("a"));
        assertTrue(window.contains("b"));
        assertTrue(window.contains("d"));
        assertTrue(window.add("a"));
    }

    @Test
    void aRemovedMessageIdCanBeAddedAgainAndKeepsItsNewPlace() {
        MessageIdWindow window = new MessageIdWindow(3);
        window.add("a");
        assertTrue(window.remove("a"));
        assertFalse(window.remove("a"));
        assertTrue(window.add("a"));
        window.add("b");

        window.add("c"); // the ring's first place, where "a" was first added, goes: the re-added "a" stays
        assertTrue(window.contains("a"));
        window.add("d"); // now its own place goes
        assertFalse(window.contains("a"));
    }

    @Test
    void clearForgetsEverything() {
        MessageIdWindow window = new MessageIdWindow(3);
        window.add("a");

        window.clear();

        assertFalse(window.contains("a"));
        assertTrue(window.add("a"));
    }

    /** Against a plain model of the same rules, over many adds and removes crowding a small table. */
    @Test
    void behavesAsAWindowOfTheLastAdded() {
        Random random = new Random(7);
        int size = 50;
        MessageIdWindow window = new MessageIdWindow(size);
        Map<String, Integer> model = new LinkedHashMap<>(); // id -> when it was added
        String[] ring = new String[size];
        int added = 0;
        for (int step = 0; step < 200_000; step++) {
            String id = "m-" + random.nextInt(200);
            if (random.nextInt(4) == 0) {
                assertEquals(model.remove(id) != null, window.remove(id), "remove " + id + " at " + step);
                continue;
            }
            boolean isNew = !model.containsKey(id);
            assertEquals(isNew, window.add(id), "add " + id + " at " + step);
            if (isNew) {
                int slot = added % size;
                String oldest = ring[slot];
                if (oldest != null && model.getOrDefault(oldest, -1) == added - size) {
                    model.remove(oldest);
                }
                ring[slot] = id;
                model.put(id, added++);
            }
            String probe = "m-" + random.nextInt(200);
            assertEquals(model.containsKey(probe), window.contains(probe), "contains " + probe + " at " + step);
        }
    }
}
