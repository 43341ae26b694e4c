package io.github.segmentabsmartly.bridge;

/** Names of the exchange properties the routes and processors pass between them. */
public final class BridgeExchange {

    /** The Segment event being handled (a {@link io.github.segmentabsmartly.bridge.event.SegmentEvent}). */
    public static final String EVENT = "bridgeEvent";
    /** The event's type, trimmed and lower-cased: what the routes choose on. */
    public static final String EVENT_TYPE = "bridgeEventType";
    /** The event's {@code event} name when it is a string (absent otherwise). */
    public static final String EVENT_NAME = "bridgeEventName";
    /** The event's messageId when it is a string (absent otherwise): the deduplication key. */
    public static final String MESSAGE_ID = "bridgeMessageId";
    /** What became of the event: an {@link io.github.segmentabsmartly.bridge.ingest.EventOutcome}. */
    public static final String OUTCOME = "bridgeOutcome";
    /** When the request arrived, epoch milliseconds: the timestamp of last resort. */
    public static final String RECEIVED_AT = "bridgeReceivedAt";
    /** Epoch milliseconds past which no delivery attempt starts for this event (see DeliveryClock). */
    public static final String DELIVER_BY = "bridgeDeliverBy";
    /** The messageId this event holds in the deduplication store, while it is being delivered. */
    public static final String DEDUP_KEY = "bridgeDedupKey";
    /** Set when a Collector failure should leave a copy of the event in the dead-letter file. */
    public static final String KEEP_FOR_REPLAY = "bridgeKeepForReplay";
    /** True when the sender posted one event rather than an array or batch. */
    public static final String SINGLE_EVENT = "bridgeSingleEvent";
    /** The goal name chosen for a track, page or screen event. */
    public static final String GOAL_NAME = "bridgeGoalName";
    /** The reason an event is deliberately not sent. */
    public static final String IGNORED_BECAUSE = "ignoredBecause";
    /** The request body as received (gzip undone), for the webhook signature check. */
    public static final String RAW_BODY = "bridgeRawBody";
    /** A write key sent in the body (Segment's libraries put it on the batch) rather than in the header. */
    public static final String BODY_WRITE_KEY = "bridgeBodyWriteKey";
    /** The Segment source the request came from, when its write key names an environment or application. */
    public static final String SOURCE = "bridgeSource";
    /** The Segment call implied by the HTTP Tracking API path (track, page, ..., batch). */
    public static final String IMPLIED_CALL = "impliedCall";

    private BridgeExchange() {
    }
}
