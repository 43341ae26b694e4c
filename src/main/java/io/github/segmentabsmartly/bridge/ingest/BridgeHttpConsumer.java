package io.github.segmentabsmartly.bridge.ingest;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.vertx.PlatformHttpResponses;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConsumer;
import io.vertx.core.Handler;

/**
 * platform-http's Vert.x consumer, with two differences. Where nothing on the route's way blocks, the route runs on
 * the HTTP server's event loop, asynchronously, where Camel's consumer hands every request to a worker thread and
 * holds that thread until the route has ended: with a Collector call that does not block either (delivery's
 * CollectorCall), a request costs no thread hand-off and no waiting thread. Otherwise (dry run, kafka mode, a dedup
 * store that blocks) it runs on a worker thread, as Camel's does. Either way the answer has a Content-Length
 * ({@link PlatformHttpResponses}), where Camel's writes a text in chunks. Form and multipart bodies, which the
 * bridge refuses, and requests while the route is suspended take Camel's own path.
 */
class BridgeHttpConsumer extends VertxPlatformHttpConsumer {

    private final boolean routesOnEventLoop;

    BridgeHttpConsumer(PlatformHttpEndpoint endpoint, Processor processor, List<Handler<RoutingContext>> handlers,
            String routerName, boolean routesOnEventLoop) {
        super(endpoint, processor, handlers, routerName);
        this.routesOnEventLoop = routesOnEventLoop;
    }

    @Override
    protected void handleRequest(RoutingContext request) {
        if (isSuspended() || isForm(request)) {
            super.handleRequest(request);
            return;
        }
        Context eventLoop = Vertx.currentContext();
        Exchange exchange = createExchange(false);
        exchange.setPattern(ExchangePattern.InOut);
        processHttpRequest(exchange, request).onComplete(read -> {
            if (read.failed()) {
                fail(request, exchange, read.cause());
                return;
            }
            try {
                createUoW(exchange);
            } catch (Exception failure) {
                fail(request, exchange, failure);
                return;
            }
            if (routesOnEventLoop) {
                runOnEventLoop(request, exchange, eventLoop);
            } else {
                runOnWorkerThread(request, exchange);
            }
        });
    }

    private void runOnEventLoop(RoutingContext request, Exchange exchange, Context eventLoop) {
        getAsyncProcessor().process(exchange, doneSync -> {
            if (Vertx.currentContext() == eventLoop) {
                answer(request, exchange);
            } else {
                // the route ended on another thread (a batch's pool, a redelivery's timer)
                eventLoop.runOnContext(onLoop -> answer(request, exchange));
            }
        });
    }

    /** Unordered, as Camel's consumer runs them: requests do not wait for each other. Answered on the event loop. */
    private void runOnWorkerThread(RoutingContext request, Exchange exchange) {
        request.vertx().executeBlocking(() -> {
            getProcessor().process(exchange);
            return null;
        }, false).onComplete(ran -> {
            if (ran.failed()) {
                exchange.setException(ran.cause());
            }
            answer(request, exchange);
        });
    }

    private void answer(RoutingContext request, Exchange exchange) {
        PlatformHttpResponses.write(request, exchange, getEndpoint()).onComplete(written -> {
            if (written.failed()) {
                fail(request, exchange, written.cause());
            } else {
                done(exchange);
            }
        });
    }

    private void fail(RoutingContext request, Exchange exchange, Throwable failure) {
        getExceptionHandler().handleException("Failed handling platform-http endpoint " + getEndpoint().getPath(),
                failure);
        request.fail(failure);
        done(exchange);
    }

    private void done(Exchange exchange) {
        doneUoW(exchange);
        releaseExchange(exchange, false);
    }

    private static boolean isForm(RoutingContext request) {
        String type = request.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/");
    }
}
