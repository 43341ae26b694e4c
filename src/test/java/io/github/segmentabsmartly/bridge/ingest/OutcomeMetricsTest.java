package io.github.segmentabsmartly.bridge.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.segmentabsmartly.bridge.ingest.EventOutcome.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reason tag of bridge_events_total: a code from a short list, whatever the reason text says. */
class OutcomeMetricsTest {

    @ParameterizedTest(name = "{0} {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "null", textBlock = """
            DELIVERED     | null                                                                   | null | none
            DRY_RUN       | dry run: written to the outbox because ...                             | null | none
            DUPLICATE     | this messageId was delivered already                                   | null | none
            REJECTED      | the event is 40000 bytes, over the limit of 32768                      | null | too_large
            REJECTED      | an event must be a JSON object, not null                               | null | not_an_object
            REJECTED      | an event must be a JSON object                                         | null | not_an_object
            REJECTED      | line 3 is not a dead-letter or outbox line with an event               | null | unreadable_line
            REJECTED      | an event needs a type (track, page, screen, identify, group or alias) | null | no_type
            REJECTED      | a track event needs an event name                                      | null | no_event_name
            REJECTED      | a page event needs a name (name or properties.name)                    | null | no_name
            REJECTED      | the event has none of the unit fields anonymousId, userId              | null | no_unit
            REJECTED      | properties.absmartly.units has no usable unit                          | null | no_unit
            REJECTED      | properties.absmartly.units must be an array                            | null | bad_units
            REJECTED      | properties.absmartly.units[2] needs a string type                      | null | bad_units
            REJECTED      | properties.absmartly.units[0].uid is longer than 640 characters        | null | bad_units
            REJECTED      | userId is longer than 640 characters                                   | null | uid_too_long
            REJECTED      | properties must be an object                                           | null | bad_properties
            REJECTED      | timestamp must be an ISO-8601 date or epoch milliseconds               | null | bad_timestamp
            REJECTED      | exposure payload: goals must be absent or empty                        | null | bad_exposure
            REJECTED      | an Experiment Viewed event needs the SDK's publish body in properties.exposure or properties.absmartly | null | bad_exposure
            REJECTED      | context.library.name must be a string                                  | null | bad_field
            REJECTED      | something a route made up, with user data: alice@example.com          | null | other
            IGNORED       | identify calls are not sent to ABsmartly                               | null | type_not_sent
            IGNORED       | page view tracking is off (ABSMARTLY_ENABLE_PAGE_VIEW_TRACKING)        | null | page_tracking_off
            IGNORED       | screen view tracking is off (ABSMARTLY_ENABLE_SCREEN_VIEW_TRACKING)    | null | screen_tracking_off
            IGNORED       | exposure tracking is off (ABSMARTLY_ENABLE_EXPOSURE_TRACKING)          | null | exposure_tracking_off
            IGNORED       | heartbeats are noise                                                   | null | other
            DEAD_LETTERED | the Collector refused the event (HTTP 400): {"error":"bad"}            | 400  | http_400
            RETRY_LATER   | the Collector rejected the bridge's API key or environment (HTTP 401)  | 401  | credentials_rejected
            RETRY_LATER   | the Collector rejected the bridge's API key or environment (HTTP 403)  | 403  | credentials_rejected
            RETRY_LATER   | the Collector answered HTTP 503 until the delivery budget ran out      | 503  | http_503
            RETRY_LATER   | no answer from the Collector: ConnectException                         | null | no_answer
            RETRY_LATER   | the time for delivery attempts ran out before this event's turn        | null | budget_spent
            RETRY_LATER   | internal error: java.lang.IllegalStateException: boom                  | null | internal_error
            """)
    void reasonCode(Kind kind, String reason, Integer collectorStatus, String code) {
        EventOutcome outcome = new EventOutcome(0, "m-1", kind, reason, collectorStatus, null, false);

        assertEquals(code, OutcomeMetrics.reasonCode(outcome));
    }
}
