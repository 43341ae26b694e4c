package org.apache.camel.component.platform.http.vertx;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;

/**
 * Opens platform-http-vertx's own answer writer (package-private in Camel 4.18) to the bridge's event-loop
 * consumer, so that a route's answer (status, headers through the endpoint's filter, body, a failure's 500) is
 * written as Camel's consumer writes it, but for a text body's length. It is in Camel's package for that reason
 * alone: should a Camel upgrade change the writer, the build fails here instead of the bridge at run time.
 */
public final class PlatformHttpResponses {

    private PlatformHttpResponses() {
    }

    public static Future<Void> write(RoutingContext request, Exchange exchange, PlatformHttpEndpoint endpoint) {
        Message message = exchange.getMessage();
        if (!(message.getBody() instanceof String text)) {
            return writeAsCamelDoes(request, exchange, endpoint);
        }
        // Camel writes a String in chunks, without a Content-Length; the bytes of a ByteBuffer with their length,
        // which costs less on both ends. Only for the write: reading a ByteBuffer uses it up, so the routes (a log
        // step, a tracer) see the String, and so does whatever runs once the answer is written.
        message.setBody(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        try {
            return writeAsCamelDoes(request, exchange, endpoint);
        } finally {
            message.setBody(text);
        }
    }

    private static Future<Void> writeAsCamelDoes(RoutingContext request, Exchange exchange,
            PlatformHttpEndpoint endpoint) {
        return VertxPlatformHttpSupport.writeResponse(request, exchange, endpoint.getHeaderFilterStrategy(),
                endpoint.isMuteException());
    }
}
