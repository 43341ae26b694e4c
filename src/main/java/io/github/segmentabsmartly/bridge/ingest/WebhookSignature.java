package io.github.segmentabsmartly.bridge.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.segmentabsmartly.bridge.BridgeJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Segment's webhook signature: X-Signature is the hex HMAC-SHA1 of the raw body, keyed by the shared secret. With
 * batching on, the Actions destination signs only the first element of the array, which is exactly its raw byte span
 * in the body (Segment writes compact JSON); either is accepted. Comparison is constant-time.
 */
final class WebhookSignature {

    /** Within the bridge's limits: the body is read before its sender is known. */
    private static final JsonFactory JSON = BridgeJson.factory();

    private WebhookSignature() {
    }

    /** Whether the signature is the secret's over the body, or over the body's first array element. */
    static boolean isValid(String signature, byte[] body, String secret, byte[] firstElement) {
        byte[] claimed = signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(claimed, hmacHex(secret, body))
                | (firstElement != null && MessageDigest.isEqual(claimed, hmacHex(secret, firstElement)));
    }

    static byte[] hmacHex(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return HexFormat.of().formatHex(mac.doFinal(data)).getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", unavailable);
        }
    }

    /** The raw bytes of the first element when the body is an array of objects; null otherwise. */
    static byte[] firstArrayElement(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY || parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            int start = (int) parser.currentTokenLocation().getByteOffset();
            parser.skipChildren();
            int end = (int) parser.currentLocation().getByteOffset();
            return Arrays.copyOfRange(body, start, end);
        } catch (IOException notJson) {
            return null;
        }
    }
}
