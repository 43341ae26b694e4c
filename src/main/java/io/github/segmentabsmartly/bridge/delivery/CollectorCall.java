package io.github.segmentabsmartly.bridge.delivery;

import io.github.segmentabsmartly.bridge.settings.CollectorConnection;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.TreeMap;
import java.util.Map;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * Sends the Collector request that {@link CollectorRequest} prepared (the URL in CamelHttpUri, the JSON body, the
 * headers) without holding a thread while the Collector answers: Vert.x's HTTP client, pooled keep-alive
 * connections, and the route goes on when the answer is in. No attempt starts once the event's delivery budget
 * is spent ({@link RetryBudgetSpentException}). Its failures are those camel-http raises, so that the
 * retries and outcomes of errors.yaml apply as they are: {@link HttpOperationFailedException} for an answer that
 * is not 2xx, {@link CollectorUnreachableException} (an IOException) for none.
 *
 * <p>Called on an event loop (the HTTP server's, see EventLoopHttpConsumer), the route goes on there. Called
 * from any other thread, which may be allowed to block (a Kafka consumer, a JDBC dedup store), it goes on on a
 * worker thread, never on the client's event loop.
 */
public class CollectorCall extends AsyncProcessorSupport {

    private final Vertx vertx;
    private final HttpClient client;
    private final CollectorConnection connection;
    private final CollectorCallObserver observer;

    public CollectorCall(Vertx vertx, CollectorConnection connection, CollectorCallObserver observer) {
        this.vertx = vertx;
        this.connection = connection;
        this.observer = observer;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(connection.maxConnections()));
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        if (DeliveryBudget.isSpent(exchange)) {
            exchange.setException(new RetryBudgetSpentException());
            callback.done(true);
            return true;
        }
        boolean onEventLoop = Context.isOnEventLoopThread();
        long started = System.nanoTime();
        Message message = exchange.getMessage();
        String url = message.getHeader(Exchange.HTTP_URI, String.class);
        Buffer body = Buffer.buffer(message.getBody(byte[].class));
        client.request(requestTo(url, message))
                .compose(request -> request.send(body))
                .compose(response -> response.body().onSuccess(answer -> putAnswer(exchange, url, response, answer)))
                .onComplete(sent -> {
                    if (sent.failed()) {
                        exchange.setException(new CollectorUnreachableException(sent.cause()));
                    }
                    observer.called(exchange, System.nanoTime() - started);
                    if (onEventLoop) {
                        callback.done(false);
                    } else {
                        vertx.executeBlocking(() -> {
                            callback.done(false);
                            return null;
                        }, false);
                    }
                });
        return false;
    }

    private RequestOptions requestTo(String url, Message message) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.PUT).setAbsoluteURI(url)
                .setConnectTimeout(connection.connectTimeout().toMillis())
                .setIdleTimeout(connection.responseTimeout().toMillis());
        // what CollectorRequest set: Content-Type and the X-* headers; Camel's own headers stay behind
        message.getHeaders().forEach((name, value) -> {
            if (value != null && !name.regionMatches(true, 0, "Camel", 0, 5)) {
                request.putHeader(name, value.toString());
            }
        });
        return request;
    }

    /** A 2xx answer becomes the message; any other fails the exchange, as camel-http would. */
    private static void putAnswer(Exchange exchange, String url, HttpClientResponse response, Buffer answer) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            exchange.getMessage().setBody(answer.toString());
            return;
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().forEach(header -> headers.put(header.getKey(), header.getValue()));
        exchange.setException(new HttpOperationFailedException(url, status, response.statusMessage(),
                headers.get("Location"), headers, answer.toString()));
    }
}
