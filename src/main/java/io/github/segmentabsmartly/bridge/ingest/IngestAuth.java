package io.github.segmentabsmartly.bridge.ingest;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.settings.IngestAuthSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Lets in only senders that prove who they are, by any one method configured: a webhook signature (on
 * /segment), a Segment write key (HTTP Basic user name, or {@code writeKey} in the body), or a bearer token.
 * A write key that names an environment or application marks the request's events with it. With no method
 * configured every sender is let in (the bridge warns at start).
 */
public class IngestAuth implements Processor {

    private final IngestAuthSettings settings;

    public IngestAuth(IngestAuthSettings settings) {
        this.settings = settings;
    }

    @Override
    public void process(Exchange exchange) {
        // kept for this check alone: no event of the request carries the bytes or a write key on
        byte[] rawBody = (byte[]) exchange.removeProperty(BridgeExchange.RAW_BODY);
        String bodyWriteKey = (String) exchange.removeProperty(BridgeExchange.BODY_WRITE_KEY);
        if (settings.isOpen()) {
            return;
        }
        String authorization = exchange.getIn().getHeader("Authorization", String.class);
        String writeKey = basicUser(authorization);
        if (writeKey == null) {
            writeKey = bodyWriteKey;
        }
        String knownWriteKey = matching(writeKey, settings.writeKeys().keySet());
        if (knownWriteKey != null) {
            exchange.setProperty(BridgeExchange.SOURCE, settings.writeKeys().get(knownWriteKey));
            return;
        }
        boolean webhook = exchange.getProperty(BridgeExchange.IMPLIED_CALL) == null;
        if (matching(bearer(authorization), settings.tokens()) != null
                || webhook && WebhookSignature.isValid(exchange.getIn().getHeader("X-Signature", String.class),
                        rawBody, settings.sharedSecrets())) {
            return;
        }
        throw new RequestRejectedException(401, "missing or wrong credentials: " + accepted(webhook));
    }

    private String accepted(boolean webhook) {
        List<String> ways = new ArrayList<>();
        if (!settings.writeKeys().isEmpty()) {
            ways.add("a Segment write key as the HTTP Basic user name");
        }
        if (webhook && !settings.sharedSecrets().isEmpty()) {
            ways.add("an X-Signature made with the webhook's shared secret");
        }
        if (!settings.tokens().isEmpty()) {
            ways.add("an Authorization: Bearer token");
        }
        return ways.isEmpty() ? "this path takes none of the configured methods" : "send " + String.join(", or ", ways);
    }

    private static String basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
    }

    /**
     * The candidate equal to the presented secret, or null. Compared in constant time against every candidate (a
     * map lookup would compare it character by character), so that timing tells nothing about a near miss.
     */
    private static String matching(String presented, Collection<String> candidates) {
        if (presented == null) {
            return null;
        }
        byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        String found = null;
        for (String candidate : candidates) {
            if (MessageDigest.isEqual(bytes, candidate.getBytes(StandardCharsets.UTF_8))) {
                found = candidate;
            }
        }
        return found;
    }
}
