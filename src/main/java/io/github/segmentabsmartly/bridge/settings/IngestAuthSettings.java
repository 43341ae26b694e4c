package io.github.segmentabsmartly.bridge.settings;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may send events. With none of these set, anyone who can reach the port can.
 *
 * @param sharedSecrets webhook signing secrets (SEGMENT_SHARED_SECRETS; several, so that one can be rotated)
 * @param writeKeys     Segment source write keys (SEGMENT_WRITE_KEYS), each with the overrides it names
 * @param tokens        bearer tokens for any other producer (INGEST_TOKENS)
 */
public record IngestAuthSettings(List<String> sharedSecrets, Map<String, SourceOverrides> writeKeys,
        List<String> tokens) {

    public boolean isOpen() {
        return sharedSecrets.isEmpty() && writeKeys.isEmpty() && tokens.isEmpty();
    }

    static List<String> parseList(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::trim)
                .filter(item -> !item.isEmpty()).toList();
    }

    /** {@code writeKey}, {@code writeKey=environment} or {@code writeKey=environment/application}, comma-separated. */
    static Map<String, SourceOverrides> parseWriteKeys(String text) {
        Map<String, SourceOverrides> keys = new LinkedHashMap<>();
        for (String entry : parseList(text)) {
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
            keys.put(key, new SourceOverrides(environment.isEmpty() ? null : environment,
                    application.isEmpty() ? null : application));
        }
        return Map.copyOf(keys);
    }
}
