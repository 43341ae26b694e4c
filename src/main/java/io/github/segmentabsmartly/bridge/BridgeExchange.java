package io.github.segmentabsmartly.bridge;

/**
 * Names of the exchange properties in which the processors pass an event's data along its routes. The routes branch
 * on facts about the event only; these carry what the processors need.
 */
public final class BridgeExchange {

    /** The Segment event being handled (an event.SegmentEvent). */
    public static final String EVENT = "absmartlyEvent";
    /** Where the event came from (a settings.Source): its environment, application, and part of its dedup key. */
    public static final String SOURCE = "absmartlySource";
    /** The messageId and source an event is deduplicated by, when it has a messageId. */
    public static final String DEDUP_KEY = "absmartlyDedupKey";
    /** The dedup key an event holds in the store while it is on its way (set by events.yaml once it is let through). */
    public static final String CLAIMED_KEY = "absmartlyClaimedKey";
    /** What became of the event: an outcome.EventOutcome. */
    public static final String OUTCOME = "absmartlyOutcome";
    /**
     * When the bridge received the event, epoch milliseconds: the timestamp of last resort, and the start of its
     * delivery budget (delivery.DeliveryBudget).
     */
    public static final String RECEIVED_AT = "absmartlyReceivedAt";
    /** The goal name chosen for a track, page or screen event. */
    public static final String GOAL_NAME = "absmartlyGoalName";
    /** True when the sender posted one event rather than an array or batch: its answer is that event's. */
    public static final String SINGLE_EVENT = "absmartlySingleEvent";
    /** The way a request proved who sent it that can only be checked once its body is read (ingest.BodyAuth). */
    public static final String BODY_CREDENTIALS = "absmartlyBodyCredentials";
    /** An event ready for the Collector, held for its request's batch call (a delivery.HeldEvent). */
    public static final String HELD_EVENT = "absmartlyHeldEvent";
    /** The request's held events (a list of delivery.HeldEvent), once every event has been through its route. */
    public static final String HELD_EVENTS = "absmartlyHeldEvents";
    /** True for a held event the Collector accepted in a batch call. */
    public static final String SENT_IN_BATCH = "absmartlySentInBatch";
    /** The request's outcomes, kept while its held events get theirs. */
    public static final String OUTCOMES = "absmartlyOutcomes";

    /** Variable: the call in a Tracking API path (/v1/track: track), set by the tracking-api route. */
    public static final String TRACKING_API_CALL = "absmartlyTrackingApiCall";
    /** Variable: why a route ignores an event, as a reason code (outcome.MarkIgnored). */
    public static final String IGNORED_BECAUSE = "absmartlyIgnoredBecause";

    private BridgeExchange() {
    }
}
