package io.github.segmentabsmartly.bridge.outcome;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What became of one event, as reported back to its sender.
 *
 * @param index             position in the sender's array or batch (0 for a single event)
 * @param messageId         the event's messageId, when it had one
 * @param kind              the outcome
 * @param reason            why, for anything but a plain delivery: a fixed text for its reason code
 * @param collectorStatus   the Collector's HTTP status, when it answered with an error
 * @param retryAfterSeconds how long the sender should wait before sending again, for {@link Kind#RETRY_LATER}
 * @param reasonCode        the reason as a short code from a fixed list, for metrics ("none" for no reason)
 * @param detail            what the log and the dead-letter file add to the reason: the Collector's answer, the
 *                          exception; never sent to the sender
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventOutcome(
        int index,
        String messageId,
        @JsonProperty("outcome") Kind kind,
        String reason,
        Integer collectorStatus,
        @JsonIgnore Long retryAfterSeconds,
        @JsonIgnore String reasonCode,
        @JsonIgnore String detail) {

    /** The reason code of an event that failed inside the bridge (a bug, a route edit gone wrong), not elsewhere. */
    public static final String INTERNAL_ERROR = "internal_error";
    /** The reason code of an event the Collector refused for the bridge's API key or environment, not its own. */
    public static final String CREDENTIALS_REJECTED = "credentials_rejected";

    /**
     * Whether a copy of the event goes to the dead-letter file: one the Collector refused, and one it could not take
     * for the bridge's credentials, which its sender may give up on before they are fixed.
     */
    @JsonIgnore
    public boolean keptForReplay() {
        return kind == Kind.DEAD_LETTERED || CREDENTIALS_REJECTED.equals(reasonCode);
    }

    /** Whether the event failed inside the bridge: its own doing or the bridge's, not the Collector's or a disk's. */
    @JsonIgnore
    public boolean isInternalError() {
        return INTERNAL_ERROR.equals(reasonCode);
    }

    /** The reason with its detail, for the log and the dead-letter file. */
    @JsonIgnore
    public String fullReason() {
        return detail == null ? reason : reason + ": " + detail;
    }

    public enum Kind {
        /** The Collector accepted it. */
        DELIVERED("delivered", 200),
        /** Kafka mode: written to the topic, from which a delivery consumer sends it to the Collector. */
        QUEUED("queued", 200),
        /** No Collector is configured: written to the outbox instead. */
        DRY_RUN("dry-run", 200),
        /** Deliberately not sent (identify, group, alias, or a kind of tracking that is off). */
        IGNORED("ignored", 200),
        /** Its messageId was delivered (or is being delivered) already: not sent again. */
        DUPLICATE("duplicate", 200),
        /** The event is wrong; sending it again cannot help. */
        REJECTED("rejected", 400),
        /** The Collector refused it for good; kept in the dead-letter file for replay. */
        DEAD_LETTERED("dead-lettered", 202),
        /** Not accepted now; the sender should send it again. */
        RETRY_LATER("retry-later", 503);

        private final String label;
        private final int singleEventStatus;

        Kind(String label, int singleEventStatus) {
            this.label = label;
            this.singleEventStatus = singleEventStatus;
        }

        @JsonValue
        public String label() {
            return label;
        }

        /** The HTTP status answered when this is the outcome of a request that carried one event. */
        public int singleEventStatus() {
            return singleEventStatus;
        }

        /** Whether the sender is, or may be, sending this event again: then its messageId must not stay seen. */
        public boolean mayBeSentAgain() {
            return this == REJECTED || this == RETRY_LATER;
        }
    }
}
