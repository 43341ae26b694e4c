package io.github.segmentabsmartly.bridge.delivery;

import java.util.Map;

/**
 * The Collector's answer to one call.
 *
 * @param headers its headers, looked up without regard to case
 */
record CollectorAnswer(int status, String statusMessage, Map<String, String> headers, String body) {

    boolean accepted() {
        return status >= 200 && status < 300;
    }
}
