package io.github.segmentabsmartly.bridge.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.delivery.CollectorFailureOutcome;
import io.github.segmentabsmartly.bridge.BridgeJson;
import io.github.segmentabsmartly.bridge.delivery.DeliveryBudgetSpentException;
import io.github.segmentabsmartly.bridge.event.EventCheck;
import io.github.segmentabsmartly.bridge.event.EventRejectedException;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import io.github.segmentabsmartly.bridge.ingest.SegmentRequestReader;
import io.github.segmentabsmartly.bridge.outcome.EventOutcome.Kind;
import io.github.segmentabsmartly.bridge.publish.ExposurePublishBody;
import io.github.segmentabsmartly.bridge.publish.GoalPublishBody;
import io.github.segmentabsmartly.bridge.publish.PageGoalName;
import io.github.segmentabsmartly.bridge.publish.TrackGoalName;
import io.github.segmentabsmartly.bridge.settings.GoalMapping;
import io.github.segmentabsmartly.bridge.settings.RequestLimits;
import io.github.segmentabsmartly.bridge.settings.TimestampMode;
import io.github.segmentabsmartly.bridge.settings.UnitMapping;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reason tag of bridge_events_total: a code from a short list, decided where the outcome is decided,
 * whatever the reason text says.
 */
class OutcomeMetricsTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final DefaultCamelContext CAMEL = new DefaultCamelContext();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            5                                                                                    | not_an_object
            {"event":"E","userId":"u"}                                                           | no_type
            {"type":"track","userId":"u"}                                                        | no_event_name
            {"type":"page","userId":"u"}                                                         | no_name
            {"type":"track","event":"E"}                                                         | no_unit
            {"type":"track","event":"E","properties":{"absmartly":{"units":[{"type":"a","uid":""}]}}} | no_unit
            {"type":"track","event":"E","properties":{"absmartly":{"units":{}}}}                 | bad_units
            {"type":"track","event":"E","properties":{"absmartly":{"units":[{"uid":"x"}]}}}      | bad_units
            {"type":"track","event":"E","userId":"LONG_UID"}                                     | uid_too_long
            {"type":"track","event":"E","userId":"u","properties":"bleh"}                        | bad_properties
            {"type":"track","event":"E","userId":"u","timestamp":"yesterday"}                    | bad_timestamp
            {"type":"track","event":"Experiment Viewed","userId":"u","properties":{}}            | bad_exposure
            {"type":"track","event":"Experiment Viewed","userId":"u","properties":{"exposure":{"publishedAt":1602531300000,"units":[{"type":"u","uid":"u"}],"exposures":[{"exposedAt":1602531300000}],"goals":[{}]}}} | bad_exposure
            {"type":"track","event":5,"userId":"u"}                                              | bad_field
            """)
    void rejectionCarriesTheCodeOfItsRule(String event, String code) throws Exception {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.setProperty(BridgeExchange.RECEIVED_AT, 0L);
        exchange.getIn().setBody(MAPPER.readValue(event.replace("LONG_UID", "u".repeat(641)), Object.class));

        assertEquals(code, rejectionCode(exchange));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            [null]                                                           | not_an_object
            [{"type":"track","event":"E","userId":"u","x":"PADDING"}]       | too_large
            """)
    void batchElementsTheReaderKeepsAsideCarryTheirCode(String body, String code) throws Exception {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getIn().setBody(body.replace("PADDING", "p".repeat(200)).getBytes());
        new SegmentRequestReader(MAPPER, new RequestLimits(100, 1000, 10, 10_000, 10_000, Duration.ofSeconds(1)))
                .process(exchange);
        exchange.getIn().setBody(exchange.getIn().getBody(List.class).get(0));

        assertEquals(code, rejectionCode(exchange));
    }

    @ParameterizedTest(name = "{0} ignored because {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "identify | null                      | type_not_sent",
        "page     | page_tracking_off         | page_tracking_off",
        "screen   | screen_tracking_off       | screen_tracking_off",
        "track    | exposure_tracking_off     | exposure_tracking_off",
        "track    | integrations_opt_out      | integrations_opt_out",
        "track    | heartbeats are not goals  | ignored_by_route"})
    void eventsARouteIgnoresAreCodedByWhatItSaid(String type, String because, String code) throws Exception {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.setProperty(BridgeExchange.EVENT, new SegmentEvent(Map.of("type", type)));
        exchange.setVariable(BridgeExchange.IGNORED_BECAUSE, because);

        new MarkIgnored().process(exchange);

        assertEquals(code, outcome(exchange).reasonCode());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"DELIVERED", "DRY_RUN", "DUPLICATE"})
    void eventsThatWentWellHaveNoReason(Kind kind) throws Exception {
        Exchange exchange = new DefaultExchange(CAMEL);

        Processor mark = switch (kind) {
            case DELIVERED -> new MarkDelivered();
            case DRY_RUN -> new MarkDryRun();
            default -> new MarkDuplicate();
        };
        mark.process(exchange);

        assertEquals("none", outcome(exchange).reasonCode());
    }

    @ParameterizedTest(name = "HTTP {0} -> {1} {2}")
    @CsvSource({
        "400, DEAD_LETTERED, http_400",
        "501, DEAD_LETTERED, http_501",
        "401, RETRY_LATER, credentials_rejected",
        "403, RETRY_LATER, credentials_rejected",
        "503, RETRY_LATER, http_503"})
    void collectorAnswersAreCodedByStatus(int status, Kind kind, String code) throws Exception {
        EventOutcome outcome = collectorFailure(
                new HttpOperationFailedException("http://c/context", status, "x", null, Map.of(), "{}"));

        assertEquals(kind, outcome.kind());
        assertEquals(code, outcome.reasonCode());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({"connect, no_answer", "budget, budget_spent"})
    void collectorsSilenceIsCodedByWhyItEnded(String failure, String code) throws Exception {
        Exception cause = failure.equals("connect") ? new ConnectException("refused") : new DeliveryBudgetSpentException();

        assertEquals(code, collectorFailure(cause).reasonCode());
    }

    @ParameterizedTest
    @CsvSource("internal_error")
    void aStepThatFailedUnexpectedlyIsAnInternalError(String code) {
        Exchange failed = new DefaultExchange(CAMEL);
        failed.setException(new IllegalStateException("boom"));

        Exchange collected = new OutcomeCollector(null).aggregate(null, failed);

        assertEquals(code, ((EventOutcome) collected.getMessage().getBody(List.class).get(0)).reasonCode());
    }

    @Test
    void anEventIsReceivedOnceThoughALaterStepReplacesItsOutcome() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind(OutcomeMetrics.NAME, new OutcomeMetrics(meters));
        Exchange exchange = new DefaultExchange(camel);

        new MarkDelivered().process(exchange);
        Outcomes.record(exchange, Kind.RETRY_LATER, "internal_error", "boom");

        assertEquals(1, meters.get("bridge.events.received").counter().count());
        assertEquals(List.of(1.0, 1.0), List.of(
                meters.get("bridge.events").tag("outcome", Kind.DELIVERED.label()).counter().count(),
                meters.get("bridge.events").tag("reason", "internal_error").counter().count()));
    }

    /** Runs an event through the route's steps up to the one that rejects it, and records the rejection. */
    private static String rejectionCode(Exchange exchange) throws Exception {
        try {
            new EventCheck(BridgeJson.mapper()).process(exchange);
            SegmentEvent event = exchange.getProperty(BridgeExchange.EVENT, SegmentEvent.class);
            for (Processor step : stepsFor(event)) {
                step.process(exchange);
            }
        } catch (EventRejectedException rejected) {
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, rejected);
            new MarkRejected().process(exchange);
            return outcome(exchange).reasonCode();
        }
        return "not rejected";
    }

    private static List<Processor> stepsFor(SegmentEvent event) {
        GoalPublishBody goal = new GoalPublishBody(UnitMapping.parse("userId=userId"), TimestampMode.EVENT);
        if ("Experiment Viewed".equals(event.fields().get("event"))) {
            return List.of(new ExposurePublishBody(TimestampMode.EVENT));
        }
        return event.type().equals("track")
                ? List.of(new TrackGoalName(GoalMapping.parse("")), goal)
                : List.of(new PageGoalName("Page: {name}"), goal);
    }

    private static EventOutcome collectorFailure(Exception failure) throws Exception {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        new CollectorFailureOutcome().process(exchange);
        return outcome(exchange);
    }

    private static EventOutcome outcome(Exchange exchange) {
        return exchange.getProperty(BridgeExchange.OUTCOME, EventOutcome.class);
    }
}
