package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.CollectorStandIn.Answer.status;
import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.segmentabsmartly.bridge.outcome.EventNotDeliveredException;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn.Received;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge inside somebody else's Camel application: a plain CamelContext (not the bridge's Main) with only
 * the library's routes added, delivering through {@code kamelet:absmartly-sink} and {@code direct:absmartly-sink}.
 */
class EmbeddingTest {

    static final String API_KEY = "embedded-key";

    @TempDir
    static Path dataDir;

    static CollectorStandIn collector;
    static CamelContext estate;
    static ProducerTemplate producer;
    static final AtomicInteger ownRouteAttempts = new AtomicInteger();

    @BeforeAll
    static void startTheEstate() throws Exception {
        collector = new CollectorStandIn();
        Path settings = dataDir.resolve("estate.properties");
        Files.writeString(settings, String.join("\n",
                "absmartly.collector-endpoint=" + collector.endpoint(),
                "absmartly.api-key=" + API_KEY,
                "absmartly.environment=production",
                "bridge.data-dir=" + dataDir,
                "bridge.delivery.budget-ms=600",
                "bridge.delivery.backoff-initial-ms=20",
                "bridge.delivery.backoff-max-ms=50"));
        estate = new DefaultCamelContext();
        estate.getPropertiesComponent().setLocation("file:" + settings);
        estate.addRoutes(new AbsmartlyRoutes());
        estate.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:orders")
                        .to("kamelet:absmartly-sink?environment=staging&application=shop")
                        .setHeader("afterTheSink", constant(true));
                from("direct:orders-as-configured")
                        .to("kamelet:absmartly-sink");
                from("direct:own-route-that-fails")
                        .process(exchange -> {
                            ownRouteAttempts.incrementAndGet();
                            throw new IOException("the estate's own failure");
                        });
            }
        });
        estate.start();
        producer = estate.createProducerTemplate();
    }

    @AfterAll
    static void stopTheEstate() throws Exception {
        estate.close();
        collector.close();
    }

    @BeforeEach
    void resetTheCollector() {
        collector.reset();
    }

    @Test
    void aBeanNameTheApplicationHasTakenStopsTheBridgeFromBindingItsOwn() {
        CamelContext other = new DefaultCamelContext();
        Object applicationsOwn = new Object();
        other.getRegistry().bind("dedupRepository", applicationsOwn);

        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> other.addRoutes(new AbsmartlyRoutes()));

        assertEquals("a bean named dedupRepository is bound already, and the bridge's routes refer to one of their"
                + " own by that name: bind yours under another name", refused.getMessage());
        assertSame(applicationsOwn, other.getRegistry().lookupByName("dedupRepository"));
    }

    @Test
    void trackEventThroughTheKameletBecomesAGoalWithTheKameletsEnvironmentAndApplication() {
        Exchange done = producer.request("direct:orders", exchange -> exchange.getIn().setBody("""
                {"type":"track","event":"Order Completed","userId":"123","messageId":"embed-1",
                 "properties":{"total":30},"timestamp":"2023-01-01T00:00:00.000Z"}"""));

        assertNull(done.getException());
        assertEquals("delivered", done.getMessage().getHeader("AbsmartlyOutcome"));
        assertEquals(true, done.getMessage().getHeader("afterTheSink"));
        Received request = onlyRequest();
        assertEquals("PUT", request.method());
        assertEquals("/v1/context", request.path());
        assertEquals(API_KEY, request.headers().get("x-api-key"));
        assertEquals("staging", request.headers().get("x-environment"));
        assertEquals("shop", request.headers().get("x-application"));
        assertEquals("0", request.headers().get("x-application-version"));
        assertEquals("segment", request.headers().get("x-agent"));
        assertEquals(tree("""
                {"historic":true,"publishedAt":1672531200000,"units":[{"type":"userId","uid":"123"}],
                 "goals":[{"name":"Order Completed","achievedAt":1672531200000,"properties":{"total":30}}]}"""),
                tree(request.body()));
    }

    @Test
    void theKameletWithoutPropertiesDeliversWithTheSettingsEnvironmentAndNoApplication() {
        Exchange done = producer.request("direct:orders-as-configured",
                exchange -> exchange.getIn().setBody(event("embed-8")));

        assertNull(done.getException());
        assertEquals("delivered", done.getMessage().getHeader("AbsmartlyOutcome"));
        Received request = onlyRequest();
        assertEquals("production", request.headers().get("x-environment"));
        assertNull(request.headers().get("x-application"));
        assertNull(request.headers().get("x-application-version"));
    }

    @Test
    void routesThatDoNotUseKameletsHandAMapToDirectAbsmartlySink() {
        Exchange done = producer.request("direct:absmartly-sink", exchange -> exchange.getIn().setBody(Map.of(
                "type", "page", "name", "Home", "anonymousId", "a1", "messageId", "embed-2",
                "timestamp", "2023-01-01T00:00:00Z")));

        assertNull(done.getException());
        assertEquals("ignored", done.getMessage().getHeader("AbsmartlyOutcome"));
        assertEquals("page view tracking is off (ABSMARTLY_ENABLE_PAGE_VIEW_TRACKING)",
                done.getMessage().getHeader("AbsmartlyReason"));
        assertTrue(collector.received().isEmpty());
    }

    @Test
    void badEventIsRejectedWithItsReasonAndTheCallingRouteGoesOn() {
        Exchange done = producer.request("direct:orders", exchange -> exchange.getIn().setBody("""
                {"type":"track","event":"No Unit","messageId":"embed-3"}"""));

        assertNull(done.getException());
        assertEquals("rejected", done.getMessage().getHeader("AbsmartlyOutcome"));
        assertTrue(done.getMessage().getHeader("AbsmartlyReason", String.class).contains("userId"),
                done.getMessage().getHeader("AbsmartlyReason", String.class));
        assertEquals(true, done.getMessage().getHeader("afterTheSink"));
        assertTrue(collector.received().isEmpty());
    }

    @Test
    void malformedJsonIsRejectedNotThrown() {
        Exchange done = producer.request("direct:orders", exchange -> exchange.getIn().setBody("{\"type\":"));

        assertNull(done.getException());
        assertEquals("rejected", done.getMessage().getHeader("AbsmartlyOutcome"));
        assertTrue(done.getMessage().getHeader("AbsmartlyReason", String.class).startsWith("malformed JSON"));
    }

    @Test
    void transientCollectorErrorIsRetriedByTheBridgesRedelivery() {
        collector.answer(status(503));

        Exchange done = producer.request("direct:orders", exchange -> exchange.getIn().setBody(event("embed-4")));

        assertEquals("delivered", done.getMessage().getHeader("AbsmartlyOutcome"));
        assertEquals(2, collector.received().size());
        assertEquals(collector.received().get(0).body(), collector.received().get(1).body());
    }

    @Test
    void eventTheCollectorRefusesIsDeadLetteredOnDisk() throws Exception {
        collector.answer(status(400).withBody("{\"error\":\"unknown goal\"}"));

        Exchange done = producer.request("direct:orders", exchange -> exchange.getIn().setBody(event("embed-5")));

        assertNull(done.getException());
        assertEquals("dead-lettered", done.getMessage().getHeader("AbsmartlyOutcome"));
        assertEquals(400, done.getMessage().getHeader("AbsmartlyCollectorStatus"));
        JsonNode deadLetter = tree(lastDeadLetter());
        assertEquals("embed-5", deadLetter.get("messageId").asText());
        assertEquals(tree(event("embed-5")), deadLetter.get("event"));
        assertFalse(lastDeadLetter().contains(API_KEY));
    }

    @Test
    void eventTheCollectorCannotTakeNowFailsTheCallerAndCanBeSentAgain() {
        collector.injectFaults(body -> status(503));

        Exchange failed = producer.request("direct:orders", exchange -> exchange.getIn().setBody(event("embed-6")));

        EventNotDeliveredException notDelivered = assertInstanceOf(EventNotDeliveredException.class,
                failed.getException());
        assertTrue(notDelivered.getMessage().contains("embed-6"), notDelivered.getMessage());
        assertEquals(503, notDelivered.outcome().collectorStatus());
        assertTrue(collector.received().size() >= 2, "attempts: " + collector.received().size());

        collector.reset();
        Exchange resent = producer.request("direct:orders", exchange -> exchange.getIn().setBody(event("embed-6")));

        assertEquals("delivered", resent.getMessage().getHeader("AbsmartlyOutcome"));
        assertEquals(1, collector.received().size());
    }

    @Test
    void sameMessageIdIsDeliveredOnce() {
        producer.request("direct:orders", exchange -> exchange.getIn().setBody(event("embed-7")));
        Exchange again = producer.request("direct:orders", exchange -> exchange.getIn().setBody(event("embed-7")));

        assertEquals("duplicate", again.getMessage().getHeader("AbsmartlyOutcome"));
        assertEquals(1, collector.received().size());
    }

    @Test
    void theBridgesRetriesDoNotApplyToTheEstatesOwnRoutes() {
        ownRouteAttempts.set(0);

        Exchange failed = producer.request("direct:own-route-that-fails", exchange -> exchange.getIn().setBody("x"));

        assertInstanceOf(IOException.class, failed.getException());
        assertEquals(1, ownRouteAttempts.get());
    }

    private static String event(String messageId) {
        return """
                {"type":"track","event":"Signed Up","userId":"u1","messageId":"%s",
                 "timestamp":"2023-01-01T00:00:00.000Z"}""".formatted(messageId);
    }

    private static Received onlyRequest() {
        List<Received> received = collector.received();
        assertEquals(1, received.size(), "requests: " + received);
        return received.get(0);
    }

    private static String lastDeadLetter() throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("dead-letter"))) {
            Path file = files.findFirst().orElseThrow();
            List<String> lines = Files.readAllLines(file);
            return lines.get(lines.size() - 1);
        }
    }
}
