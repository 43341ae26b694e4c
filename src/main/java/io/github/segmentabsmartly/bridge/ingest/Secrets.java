package io.github.segmentabsmartly.bridge.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/** Looks a presented secret up among the configured ones without telling, by timing, how near a miss it was. */
final class Secrets {

    private Secrets() {
    }

    /**
     * The value of the configured secret equal to the presented one, or null. Compared in constant time against every
     * candidate: a map lookup would compare it character by character.
     */
    static <T> T match(String presented, Map<String, T> configured) {
        if (presented == null) {
            return null;
        }
        byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        T found = null;
        for (Map.Entry<String, T> candidate : configured.entrySet()) {
            if (MessageDigest.isEqual(bytes, candidate.getKey().getBytes(StandardCharsets.UTF_8))) {
                found = candidate.getValue();
            }
        }
        return found;
    }
}
