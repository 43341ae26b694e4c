package io.github.segmentabsmartly.bridge.ingest;

/** An element of a batch that the reader already knows to reject, kept in place so that indexes stay true. */
public record UnreadableEvent(String reason) {
}
