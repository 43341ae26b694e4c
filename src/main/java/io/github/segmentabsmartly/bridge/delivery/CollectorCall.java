package io.github.segmentabsmartly.bridge.delivery;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.settings.CollectorConnection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * Sends the Collector request that {@link CollectorRequest} prepared (the URL in CamelHttpUri, the JSON body, the
 * headers) without holding a thread while the Collector answers: Vert.x's HTTP client, pooled keep-alive
 * connections, and the route goes on when the answer is in. No first attempt starts once the event's delivery
 * budget is spent ({@link RetryBudgetSpentException}). Its failures are those camel-http raises, so that the retries and
 * outcomes of errors.yaml apply as they are: {@link HttpOperationFailedException} for an answer that is not 2xx,
 * {@link CollectorUnreachableException} (an IOException) for none.
 *
 * <p>An exchange that carries the failure of a first call made before its route with retries
 * ({@link CollectorFirstAttempt}) fails with that failure, without a call: the route's redelivery then retries it.
 *
 * <p>Called on an event loop (the HTTP server's, see BridgeHttpConsumer), the route goes on there. Called
 * from any other thread, which may be allowed to block (a Kafka consumer, a JDBC dedup store), it goes on on a
 * worker thread, never on the client's event loop.
 */
public class CollectorCall extends AsyncProcessorSupport {

    /** Where the calls of callers off the event loops are made, and where their routes go on (on a worker). */
    private final Context offLoop;
    private final CollectorConnection connection;
    private final CollectorCallObserver observer;
    /**
     * The calls of each event loop: its own client, with its share of the connections, so that a call and its
     * answer stay on the loop's thread (a pool shared by the loops hands one loop's connection to another).
     */
    private final ThreadLocal<Line> lines;

    /** @param eventLoops the event loops that may call it (BRIDGE_INGEST_EVENT_LOOPS): each gets its share */
    public CollectorCall(Vertx vertx, CollectorConnection connection, int eventLoops, CollectorCallObserver observer) {
        this.offLoop = vertx.getOrCreateContext();
        this.connection = connection;
        this.observer = observer;
        int share = connection.perEventLoop(eventLoops);
        this.lines = ThreadLocal.withInitial(() -> new Line(share, vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(share))));
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        if (exchange.removeProperty(BridgeExchange.FIRST_CALL_FAILURE) instanceof Exception firstCallFailure) {
            exchange.setException(firstCallFailure);
            callback.done(true);
            return true;
        }
        if (tooLateToStart(exchange)) {
            exchange.setException(new RetryBudgetSpentException());
            callback.done(true);
            return true;
        }
        if (!Context.isOnEventLoopThread()) {
            send(exchange, continuation(callback));
            return false;
        }
        // beyond the loop's share of the connections, calls wait here rather than in the pool
        Line line = lines.get();
        Runnable goOn = () -> {
            line.turns.leave();
            callback.done(false);
        };
        if (line.turns.enter(() -> sendInTurn(exchange, goOn))) {
            send(exchange, goOn);
        }
        return false;
    }

    /** A call whose turn came late: the budget may have run out while it waited. */
    private void sendInTurn(Exchange exchange, Runnable goOn) {
        if (tooLateToStart(exchange)) {
            exchange.setException(new RetryBudgetSpentException());
            goOn.run();
        } else {
            send(exchange, goOn);
        }
    }

    /**
     * A first attempt once the budget is spent (a retry was decided within it, by CollectorRetryPolicy, and keeps
     * the Collector's last answer as the event's outcome should it fail too).
     */
    private static boolean tooLateToStart(Exchange exchange) {
        Integer redeliveries = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        return (redeliveries == null || redeliveries == 0) && DeliveryBudget.isSpent(exchange);
    }

    private void send(Exchange exchange, Runnable goOn) {
        long started = System.nanoTime();
        Message message = exchange.getMessage();
        String url = message.getHeader(Exchange.HTTP_URI, String.class);
        put(url, message.getHeaders(), Buffer.buffer(message.getBody(byte[].class))).onComplete(sent -> {
            if (sent.failed()) {
                exchange.setException(new CollectorUnreachableException(sent.cause()));
            } else {
                putAnswer(exchange, url, sent.result());
            }
            observer.called(exchange, System.nanoTime() - started);
            goOn.run();
        });
    }

    /**
     * PUT the body to the URL with the headers (but Camel's own): the answer, or a failure for none. A caller off
     * the event loops has it sent from one event loop context of its own: the HTTP client otherwise makes a new
     * context for each such call, and then lost the odd answer under load.
     */
    Future<CollectorAnswer> put(String url, Map<String, Object> headers, Buffer body) {
        if (Context.isOnEventLoopThread()) {
            return request(url, headers, body);
        }
        Promise<CollectorAnswer> answered = Promise.promise();
        offLoop.runOnContext(onLoop -> request(url, headers, body).onComplete(answered));
        return answered.future();
    }

    private Future<CollectorAnswer> request(String url, Map<String, Object> headers, Buffer body) {
        Line line = lines.get();
        RequestOptions request = line.target(url).setMethod(HttpMethod.PUT)
                .setConnectTimeout(connection.connectTimeout().toMillis())
                .setIdleTimeout(connection.responseTimeout().toMillis());
        headers.forEach((name, value) -> {
            if (value != null && !name.regionMatches(true, 0, "Camel", 0, 5)) {
                request.putHeader(name, value.toString());
            }
        });
        return line.client.request(request)
                .compose(sending -> sending.send(body))
                .compose(response -> response.body().map(answer -> answerOf(response, answer)));
    }

    /**
     * What goes on with the route once the Collector has answered: on the event loop it was called on, or on a
     * worker thread for a caller that was not on one.
     */
    Runnable continuation(AsyncCallback callback) {
        if (Context.isOnEventLoopThread()) {
            return () -> callback.done(false);
        }
        return () -> offLoop.executeBlocking(() -> {
            callback.done(false);
            return null;
        }, false);
    }

    /** One event loop's calls: used by that loop's thread alone. */
    private static final class Line {
        private final EventLoopTurns turns;
        private final HttpClient client;
        private String lastUrl;
        private RequestOptions lastTarget;

        Line(int share, HttpClient client) {
            this.turns = new EventLoopTurns(share);
            this.client = client;
        }

        /** Options that address the URL: parsing it costs more than the rest of a request's options together. */
        RequestOptions target(String url) {
            if (!url.equals(lastUrl)) {
                lastTarget = new RequestOptions().setAbsoluteURI(url);
                lastUrl = url;
            }
            return new RequestOptions().setHost(lastTarget.getHost()).setPort(lastTarget.getPort())
                    .setSsl(lastTarget.isSsl()).setURI(lastTarget.getURI());
        }
    }

    /** The headers are kept for a refusal only, where Retry-After may be among them. */
    private static CollectorAnswer answerOf(HttpClientResponse response, Buffer body) {
        int status = response.statusCode();
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (status < 200 || status >= 300) {
            response.headers().forEach(header -> headers.put(header.getKey(), header.getValue()));
        }
        return new CollectorAnswer(status, response.statusMessage(), headers, body.toString());
    }

    /** A 2xx answer becomes the message; any other fails the exchange, as camel-http would. */
    private static void putAnswer(Exchange exchange, String url, CollectorAnswer answer) {
        if (answer.accepted()) {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
            exchange.getMessage().setBody(answer.body());
            return;
        }
        exchange.setException(new HttpOperationFailedException(url, answer.status(), answer.statusMessage(),
                answer.headers().get("Location"), answer.headers(), answer.body()));
    }
}
