package io.github.segmentabsmartly.bridge.ingest;

import io.github.segmentabsmartly.bridge.event.RejectionCode;

/** An element of a batch that the reader already knows to reject, kept in place so that indexes stay true. */
public record UnreadableEvent(RejectionCode code, String reason) {
}
