package io.github.segmentabsmartly.bridge.ingest;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer to a body over the HTTP server's limit (CAMEL_SERVER_MAX_BODY_SIZE), which the server refuses before
 * any route sees it: 413 with the bridge's JSON and reason, where Vert.x would answer in plain text and log an
 * ERROR for what is the sender's mistake.
 */
public final class OversizedBodyAnswer implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger("bridge.outcomes");
    private static final int PAYLOAD_TOO_LARGE = 413;

    private final String reason;

    private OversizedBodyAnswer(long maxBodyBytes) {
        this.reason = "the body is over the limit of " + maxBodyBytes + " bytes";
    }

    public static void install(CamelContext context, int port, long maxBodyBytes) {
        // a failure handler: platform-http's router is mounted in another, whose error handlers it cannot reach
        IngestServer.beforeRoutes(context, port).failureHandler(new OversizedBodyAnswer(maxBodyBytes));
    }

    @Override
    public void handle(RoutingContext request) {
        if (request.statusCode() != PAYLOAD_TOO_LARGE) {
            request.next();
            return;
        }
        LOG.warn("refused a request ({}): {}", PAYLOAD_TOO_LARGE, reason);
        if (!request.response().ended() && !request.response().closed()) {
            IngestServer.refuse(request.response(), PAYLOAD_TOO_LARGE, reason);
        }
    }
}
