package io.github.segmentabsmartly.bridge.settings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may send events. With none of these set, anyone who can reach the port can (see
 * {@link BridgeSettings#requireIngestNotOpenToAll}).
 *
 * @param sharedSecrets webhook signing secrets (SEGMENT_SHARED_SECRETS; several, so that one can be rotated), each
 *                      with the source its requests come from
 * @param writeKeys     Segment source write keys (SEGMENT_WRITE_KEYS), each with its source
 * @param tokens        bearer tokens for any other producer (INGEST_TOKENS), each with its source
 */
public record IngestAuthSettings(Map<String, Source> sharedSecrets, Map<String, Source> writeKeys,
        Map<String, Source> tokens) {

    private static final int SOURCE_ID_HEX_DIGITS = 12;

    public boolean isOpen() {
        return sharedSecrets.isEmpty() && writeKeys.isEmpty() && tokens.isEmpty();
    }

    /** The secrets of a list setting, each its own source; null (the setting absent) is none. */
    static Map<String, Source> parseSecrets(String text, String variable, String kind) {
        Map<String, Source> secrets = new LinkedHashMap<>();
        for (String secret : entries(text, variable)) {
            secrets.put(secret, new Source(sourceId(kind, secret), null, null));
        }
        return Map.copyOf(secrets);
    }

    /** {@code writeKey}, {@code writeKey=environment} or {@code writeKey=environment/application}, comma-separated. */
    static Map<String, Source> parseWriteKeys(String text) {
        Map<String, Source> keys = new LinkedHashMap<>();
        for (String entry : entries(text, "SEGMENT_WRITE_KEYS")) {
            int equals = entry.indexOf('=');
            String key = (equals < 0 ? entry : entry.substring(0, equals)).trim();
            String target = equals < 0 ? "" : entry.substring(equals + 1).trim();
            int slash = target.indexOf('/');
            String environment = (slash < 0 ? target : target.substring(0, slash)).trim();
            String application = slash < 0 ? "" : target.substring(slash + 1).trim();
            if (key.isEmpty() || (equals >= 0 && environment.isEmpty())) {
                throw new InvalidSettingException("SEGMENT_WRITE_KEYS has an entry that is not writeKey,"
                        + " writeKey=environment or writeKey=environment/application");
            }
            HeaderValues.require(environment, "SEGMENT_WRITE_KEYS (an environment)");
            HeaderValues.require(application, "SEGMENT_WRITE_KEYS (an application)");
            keys.put(key, new Source(sourceId("write-key", key), environment.isEmpty() ? null : environment,
                    application.isEmpty() ? null : application));
        }
        return Map.copyOf(keys);
    }

    /**
     * The comma-separated entries of a credential setting. A setting that is there but names nothing is a mistake
     * (a secret missing from a deployment, say), not a wish to let everyone in.
     */
    private static List<String> entries(String text, String variable) {
        if (text == null) {
            return List.of();
        }
        List<String> entries = MappingText.items(text);
        if (entries.isEmpty()) {
            throw new InvalidSettingException(variable + " is set but empty: give it a value, or leave it out");
        }
        return entries;
    }

    /** A kind and the first hex digits of the secret's SHA-256: the same secret, the same id, and no way back. */
    static String sourceId(String kind, String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return kind + ":" + HexFormat.of().formatHex(digest).substring(0, SOURCE_ID_HEX_DIGITS);
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", unavailable);
        }
    }
}
