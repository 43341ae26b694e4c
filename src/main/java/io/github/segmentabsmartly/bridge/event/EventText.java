package io.github.segmentabsmartly.bridge.event;

import java.util.Map;

/**
 * One event of a request as its JSON text, parsed when its turn comes (EventCheck): a batch of thousands costs its
 * bytes, not thousands of parsed maps at once.
 *
 * @param json      the request's bytes
 * @param offset    where the event starts in them
 * @param length    how many bytes it takes
 * @param fromBatch what the batch gives each of its events that lack it ({@code sentAt}, {@code context},
 *                  {@code integrations}), merged into the event when it is parsed
 */
public record EventText(byte[] json, int offset, int length, Map<String, Object> fromBatch) {
}
