package io.github.segmentabsmartly.bridge.settings;

/**
 * What a Segment source's write key changes for its events: the X-Environment and X-Application it is
 * delivered with (null: the bridge's default).
 */
public record SourceOverrides(String environment, String application) {

    public String environmentOr(String fallback) {
        return environment != null ? environment : fallback;
    }

    public String applicationOr(String fallback) {
        return application != null ? application : fallback;
    }
}
