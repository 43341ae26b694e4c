package io.github.segmentabsmartly.bridge.delivery;

import static io.github.segmentabsmartly.bridge.support.CollectorStandIn.Answer.dropConnection;
import static io.github.segmentabsmartly.bridge.support.CollectorStandIn.Answer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.settings.CollectorConnection;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Collector call against a real HTTP server: what it sends, and what each kind of answer becomes. */
class CollectorCallTest {

    static final String BODY = "{\"units\":[{\"type\":\"userId\",\"uid\":\"u\"}],\"goals\":[{\"name\":\"G\"}]}";

    static CollectorStandIn collector;
    static Vertx vertx;
    static DefaultCamelContext camel;
    static final List<String> observed = new ArrayList<>();
    static CollectorCall call;

    @BeforeAll
    static void start() throws Exception {
        collector = new CollectorStandIn();
        vertx = Vertx.vertx();
        camel = new DefaultCamelContext();
        camel.start();
        call = new CollectorCall(vertx, new CollectorConnection(Duration.ofMillis(500), Duration.ofMillis(300), 4), 1,
                new CollectorCallObserver() {
                    @Override
                    public void called(Exchange exchange, long nanos) {
                        observed.add(exchange.getException() == null ? "answered" : "failed");
                    }

                    @Override
                    public void batchCalled(CollectorAnswer answer, long nanos) {
                    }

                    @Override
                    public void retrying(Exchange exchange) {
                    }
                });
    }

    @AfterAll
    static void stop() {
        camel.stop();
        vertx.close();
        collector.close();
    }

    @BeforeEach
    void reset() {
        collector.reset();
        observed.clear();
    }

    Exchange request(long budgetMillis) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(BridgeExchange.DELIVER_BY, System.currentTimeMillis() + budgetMillis);
        exchange.getMessage().setHeader(Exchange.HTTP_URI, collector.endpoint() + "/context");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setHeader("X-API-Key", "key-1");
        exchange.getMessage().setHeader("X-Environment", "prod");
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, 100L);
        exchange.getMessage().setBody(BODY.getBytes(StandardCharsets.UTF_8));
        return exchange;
    }

    Exchange send(Exchange exchange) throws Exception {
        call.process(exchange);
        return exchange;
    }

    @Test
    void sendsThePreparedRequestAndKeepsTheAnswer() throws Exception {
        collector.answer(status(200).withBody("{\"ok\":true}"));

        Exchange exchange = send(request(3000));

        assertNull(exchange.getException());
        assertEquals(200, exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertEquals("{\"ok\":true}", exchange.getMessage().getBody(String.class));
        CollectorStandIn.Received received = collector.received().get(0);
        assertEquals("PUT", received.method());
        assertEquals("/v1/context", received.path());
        assertEquals(BODY, received.body());
        assertEquals("key-1", received.headers().get("x-api-key"));
        assertEquals("prod", received.headers().get("x-environment"));
        assertEquals("application/json", received.headers().get("content-type"));
        assertFalse(received.headers().keySet().stream().anyMatch(name -> name.startsWith("camel")),
                "Camel's own headers are not sent: " + received.headers().keySet());
        assertEquals(List.of("answered"), observed);
    }

    @Test
    void anAnswerThatIsNot2xxFailsTheExchangeAsCamelHttpWould() throws Exception {
        collector.answer(status(429).withHeader("Retry-After", "7").withBody("slow down"));

        Exchange exchange = send(request(3000));

        HttpOperationFailedException refused =
                assertInstanceOf(HttpOperationFailedException.class, exchange.getException());
        assertEquals(429, refused.getStatusCode());
        assertEquals("7", refused.getResponseHeaders().get("Retry-After"));
        assertEquals("slow down", refused.getResponseBody());
        assertEquals(List.of("failed"), observed);
    }

    @Test
    void aDroppedConnectionIsNoAnswer() throws Exception {
        collector.answer(dropConnection());

        Exchange exchange = send(request(3000));

        assertInstanceOf(CollectorUnreachableException.class, exchange.getException());
    }

    @Test
    void anAnswerSlowerThanTheResponseTimeoutIsNoAnswer() throws Exception {
        collector.answer(status(200).after(Duration.ofMillis(1500)));

        Exchange exchange = send(request(3000));

        CollectorUnreachableException silent =
                assertInstanceOf(CollectorUnreachableException.class, exchange.getException());
        assertTrue(silent.getMessage().contains("Timeout"), silent.getMessage());
    }

    /** Two connections shared by two event loops: one call of a loop under way at a time, the others in line. */
    @Test
    void callsFromAnEventLoopBeyondItsShareWaitTheirTurnAndTheBudget() throws Exception {
        CollectorCall sharing = new CollectorCall(vertx,
                new CollectorConnection(Duration.ofMillis(500), Duration.ofMillis(2000), 2), 2, CollectorCallObserver.NONE);
        collector.injectFaults(body -> status(200).after(Duration.ofMillis(300)));
        List<Exchange> exchanges = List.of(request(3000), request(3000), request(400));
        List<CompletableFuture<Exchange>> done = exchanges.stream().map(exchange -> new CompletableFuture<Exchange>())
                .toList();

        vertx.runOnContext(onLoop -> {
            for (int i = 0; i < exchanges.size(); i++) {
                int at = i;
                sharing.process(exchanges.get(at), doneSync -> done.get(at).complete(exchanges.get(at)));
            }
        });

        assertNull(done.get(0).get(5, TimeUnit.SECONDS).getException());
        assertNull(done.get(1).get(5, TimeUnit.SECONDS).getException());
        // its turn came after the other two, 600 ms on: past its 400 ms budget, so it was never sent
        assertInstanceOf(RetryBudgetSpentException.class, done.get(2).get(5, TimeUnit.SECONDS).getException());
        List<CollectorStandIn.Received> received = collector.received();
        assertEquals(2, received.size());
        long apartMillis = (received.get(1).atNanos() - received.get(0).atNanos()) / 1_000_000;
        assertTrue(apartMillis >= 250, "the second call started " + apartMillis + " ms after the first");
    }

    /** Each loop has its own connections, its share of BRIDGE_COLLECTOR_MAX_CONNECTIONS, and its calls stay on it. */
    @Test
    void callsFromSeveralEventLoopsOpenNoMoreThanTheMaximumOfConnections() throws Exception {
        CollectorCall sharing = new CollectorCall(vertx,
                new CollectorConnection(Duration.ofMillis(500), Duration.ofMillis(2000), 4), 2, CollectorCallObserver.NONE);
        collector.injectFaults(body -> status(200).after(Duration.ofMillis(100)));
        List<Context> loops = List.of(newEventLoopContext(), newEventLoopContext());
        List<String> loopThreads = new ArrayList<>();
        for (Context loop : loops) {
            CompletableFuture<String> thread = new CompletableFuture<>();
            loop.runOnContext(onLoop -> thread.complete(Thread.currentThread().getName()));
            loopThreads.add(thread.get(5, TimeUnit.SECONDS));
        }
        assertNotEquals(loopThreads.get(0), loopThreads.get(1), "two event loops");
        List<CompletableFuture<String>> answeredOn = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Exchange exchange = request(3000);
            CompletableFuture<String> answered = new CompletableFuture<>();
            answeredOn.add(answered);
            loops.get(i % 2).runOnContext(onLoop -> sharing.process(exchange, doneSync -> answered.complete(
                    exchange.getException() == null ? Thread.currentThread().getName() : exchange.getException().toString())));
        }

        for (int i = 0; i < 12; i++) {
            assertEquals(loopThreads.get(i % 2), answeredOn.get(i).get(5, TimeUnit.SECONDS), "call " + i);
        }
        assertEquals(12, collector.received().size());
        assertTrue(collector.connections() <= 4, collector.connections() + " connections");
    }

    /** Vert.x keeps one context for each thread that asks: a new thread gets the next event loop's. */
    static Context newEventLoopContext() throws Exception {
        CompletableFuture<Context> made = new CompletableFuture<>();
        new Thread(() -> made.complete(vertx.getOrCreateContext())).start();
        return made.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aFirstAttemptThatSucceedsKeepsTheAnswerAsTheCallDoes() throws Exception {
        collector.answer(status(200).withBody("{\"ok\":true}"));
        Exchange exchange = request(3000);

        new CollectorFirstAttempt(call).process(exchange);

        assertNull(exchange.getException());
        assertNull(exchange.getProperty(BridgeExchange.FIRST_CALL_FAILURE));
        assertEquals("{\"ok\":true}", exchange.getMessage().getBody(String.class));
        assertEquals(1, collector.received().size());
    }

    @Test
    void aFailedFirstAttemptIsTheFailureOfTheCallThatFollowsItThenTheRetriesCall() throws Exception {
        collector.answer(status(503).withBody("busy"));
        Exchange exchange = request(3000);

        new CollectorFirstAttempt(call).process(exchange);

        assertNull(exchange.getException(), "the first attempt's failure does not end its route");
        HttpOperationFailedException kept = assertInstanceOf(HttpOperationFailedException.class,
                exchange.getProperty(BridgeExchange.FIRST_CALL_FAILURE));
        assertEquals(503, kept.getStatusCode());

        send(exchange);

        assertSame(kept, exchange.getException(), "the route with retries starts from the first attempt's failure");
        assertNull(exchange.getProperty(BridgeExchange.FIRST_CALL_FAILURE));
        assertEquals(1, collector.received().size(), "without calling again");

        collector.answer(status(200).withBody("{\"ok\":true}"));
        exchange.setException(null);
        exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, 1);
        send(exchange);

        assertNull(exchange.getException());
        assertEquals(2, collector.received().size());
        assertEquals(List.of("failed", "answered"), observed);
    }

    @Test
    void noAttemptStartsOnceTheBudgetIsSpent() throws Exception {
        Exchange exchange = send(request(-1));

        assertInstanceOf(RetryBudgetSpentException.class, exchange.getException());
        assertEquals(List.of(), collector.received());
        assertEquals(List.of(), observed);
    }
}
