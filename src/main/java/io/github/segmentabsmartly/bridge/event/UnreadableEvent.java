package io.github.segmentabsmartly.bridge.event;

/** An element of a batch that is already known to be rejected, kept in place so that indexes stay true. */
public record UnreadableEvent(RejectionCode code, String reason) {
}
