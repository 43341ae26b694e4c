package io.github.segmentabsmartly.bridge.settings;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a request's events came from: what let them in (a write key, a token, a webhook secret, or open ingest), as
 * an id that is not the secret itself, and the X-Environment and X-Application its events are delivered with (null:
 * the bridge's settings). Deduplication is by source: one source can never suppress another's events.
 *
 * @param id          stable and safe to store: a kind and a hash of the secret ({@code write-key:3f9a…}), or a name
 * @param environment the environment a write key names, or null
 * @param application the application a write key names, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Source(String id, String environment, String application) {

    /** Events let in without credentials (open ingest). */
    public static final Source OPEN = new Source("open", null, null);
    /** Events handed to direct:absmartly-sink by another route, with no source of their own. */
    public static final Source SINK = new Source("sink", null, null);

    public String environmentOr(String fallback) {
        return environment != null ? environment : fallback;
    }

    public String applicationOr(String fallback) {
        return application != null ? application : fallback;
    }
}
