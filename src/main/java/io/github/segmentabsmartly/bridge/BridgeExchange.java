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
    /** True when the request's events go to the Collector in batch calls (BRIDGE_DELIVERY_COLLECTOR_BATCH). */
    public static final String COLLECTOR_BATCH = "bridgeCollectorBatch";
    /** An event ready for the Collector, held for its request's batch call: a delivery.HeldEvent. */
    public static final String HELD_EVENT = "bridgeHeldEvent";
    /** The request's held events (a list of delivery.HeldEvent), once every event has been through its route. */
    public static final String HELD_EVENTS = "bridgeHeldEvents";
    /** True when the Collector accepted every held event of the request in its batch calls. */
    public static final String BATCH_ACCEPTED = "bridgeBatchAccepted";
    /** True for a held event that the Collector accepted in a batch call. */
    public static final String SENT_IN_BATCH = "bridgeSentInBatch";
    /** The failure of an event's first Collector call, until the route with retries takes it (CollectorFirstAttempt). */
    public static final String FIRST_CALL_FAILURE = "bridgeFirstCallFailure";
    /** The request's outcomes, kept while its held events get theirs. */
    public static final String OUTCOMES = "bridgeOutcomes";

    private BridgeExchange() {
    }
}
