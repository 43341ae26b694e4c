package io.github.segmentabsmartly.bridge.ingest;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.settings.IngestAuthSettings;
import io.github.segmentabsmartly.bridge.settings.Source;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Lets in, from its headers and before its body is read, only a sender that proves who it is by a method configured:
 * a Segment write key (the HTTP Basic user name) or a bearer token, and the source it names becomes the events'. Two
 * methods need the body, which {@link BodyAuth} checks once it is read and before it is parsed: a webhook signature
 * (X-Signature, on /segment) and a write key in an uncompressed body (Segment's browser library). With no method
 * configured, every sender is let in, as one source.
 */
public class IngestAuth implements Processor {

    static final String SIGNATURE = "signature";
    static final String BODY_WRITE_KEY = "writeKey";

    private final IngestAuthSettings settings;

    public IngestAuth(IngestAuthSettings settings) {
        this.settings = settings;
    }

    @Override
    public void process(Exchange exchange) {
        if (settings.isOpen()) {
            exchange.setProperty(BridgeExchange.SOURCE, Source.OPEN);
            return;
        }
        String authorization = exchange.getIn().getHeader("Authorization", String.class);
        Source source = Secrets.match(basicUser(authorization), settings.writeKeys());
        if (source == null) {
            source = Secrets.match(bearer(authorization), settings.tokens());
        }
        if (source != null) {
            exchange.setProperty(BridgeExchange.SOURCE, source);
            return;
        }
        boolean webhook = exchange.getVariable(BridgeExchange.TRACKING_API_CALL) == null;
        if (authorization == null && webhook && !settings.sharedSecrets().isEmpty()
                && exchange.getIn().getHeader("X-Signature") != null) {
            exchange.setProperty(BridgeExchange.BODY_CREDENTIALS, SIGNATURE);
        } else if (authorization == null && !settings.writeKeys().isEmpty()
                && exchange.getIn().getHeader("Content-Encoding") == null) {
            exchange.setProperty(BridgeExchange.BODY_CREDENTIALS, BODY_WRITE_KEY);
        } else {
            throw refusal(settings, webhook);
        }
    }

    static RequestRejectedException refusal(IngestAuthSettings settings, boolean webhook) {
        List<String> ways = new ArrayList<>();
        if (!settings.writeKeys().isEmpty()) {
            ways.add("a Segment write key as the HTTP Basic user name");
        }
        if (webhook && !settings.sharedSecrets().isEmpty()) {
            ways.add("an X-Signature made with the webhook's shared secret");
        }
        if (!settings.tokens().isEmpty()) {
            ways.add("an Authorization: Bearer token");
        }
        return new RequestRejectedException(401, "missing or wrong credentials: "
                + (ways.isEmpty() ? "this path takes none of the configured methods" : "send " + String.join(", or ", ways)));
    }

    private static String basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
    }
}
