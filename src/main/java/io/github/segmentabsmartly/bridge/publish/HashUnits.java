package io.github.segmentabsmartly.bridge.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * ABSMARTLY_HASH_UNITS: replaces every unit uid of a publish body with the hash the ABsmartly SDKs send
 * (base64url without padding of the MD5 of the trimmed uid), and marks the body {@code hashed: true}, so that
 * raw user ids never leave the user's infrastructure. A body already marked hashed is left alone.
 */
public class HashUnits implements Processor {

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        Map<String, Object> body = exchange.getMessage().getBody(Map.class);
        if (Boolean.TRUE.equals(body.get("hashed")) || !(body.get("units") instanceof List<?> units)) {
            return;
        }
        List<Object> hashed = new ArrayList<>(units.size());
        for (Object unit : units) {
            if (unit instanceof Map<?, ?> map && map.get("uid") != null) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
                copy.put("uid", hash(String.valueOf(map.get("uid"))));
                hashed.add(copy);
            } else {
                hashed.add(unit);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>(body);
        result.put("units", hashed);
        result.put("hashed", true);
        exchange.getMessage().setBody(result);
    }

    static String hash(String uid) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(uid.trim().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("MD5 is part of every Java runtime", unavailable);
        }
    }
}
