package org.apache.camel.component.platform.http.vertx;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;

/**
 * Opens platform-http-vertx's own answer writer (package-private in Camel 4.18) to the bridge's event-loop
 * consumer, so that a route's answer (status, headers through the endpoint's filter, body, a failure's 500) is
 * written exactly as Camel's consumer writes it. It is in Camel's package for that reason alone: should a Camel
 * upgrade change the writer, the build fails here instead of the bridge at run time.
 */
public final class PlatformHttpResponses {

    private PlatformHttpResponses() {
    }

    public static Future<Void> write(RoutingContext request, Exchange exchange, PlatformHttpEndpoint endpoint) {
        return VertxPlatformHttpSupport.writeResponse(request, exchange, endpoint.getHeaderFilterStrategy(),
                endpoint.isMuteException());
    }
}
