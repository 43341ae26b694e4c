package io.github.segmentabsmartly.bridge.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.BridgeJson;
import io.github.segmentabsmartly.bridge.settings.IngestAuthSettings;
import io.github.segmentabsmartly.bridge.settings.Source;
import java.io.IOException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * For a request let in on a credential in its body ({@link IngestAuth}), checks it over the raw bytes, before anything
 * parses them: the webhook signature (X-Signature, by any shared secret), or the {@code writeKey} at the top level of
 * the body, found by reading its tokens without building anything from them.
 */
public class BodyAuth implements Processor {

    /** Within the bridge's limits: the body is read before its sender is known. */
    private static final JsonFactory JSON = BridgeJson.factory();

    private final IngestAuthSettings settings;

    public BodyAuth(IngestAuthSettings settings) {
        this.settings = settings;
    }

    @Override
    public void process(Exchange exchange) {
        Object claim = exchange.removeProperty(BridgeExchange.BODY_CREDENTIALS);
        if (claim == null) {
            return;
        }
        byte[] body = exchange.getIn().getBody(byte[].class);
        Source source = IngestAuth.SIGNATURE.equals(claim)
                ? signedBy(exchange.getIn().getHeader("X-Signature", String.class), body)
                : Secrets.match(topLevelWriteKey(body), settings.writeKeys());
        if (source == null) {
            throw IngestAuth.refusal(settings, exchange.getVariable(BridgeExchange.TRACKING_API_CALL) == null);
        }
        exchange.setProperty(BridgeExchange.SOURCE, source);
    }

    /** The source of the secret that signed the body, checked against every secret; null for none. */
    private Source signedBy(String signature, byte[] body) {
        // only a batched webhook's body is signed in part
        byte[] firstElement = WebhookSignature.firstArrayElement(body);
        Source signer = null;
        for (Map.Entry<String, Source> secret : settings.sharedSecrets().entrySet()) {
            if (WebhookSignature.isValid(signature, body, secret.getKey(), firstElement)) {
                signer = secret.getValue();
            }
        }
        return signer;
    }

    /** The string {@code writeKey} of a body that is a JSON object; null otherwise. */
    static String topLevelWriteKey(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(IngestAuth.BODY_WRITE_KEY) && value == JsonToken.VALUE_STRING) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
            return null;
        } catch (StreamConstraintsException pastTheLimits) {
            throw new RequestRejectedException(400, BridgeJson.describe(pastTheLimits));
        } catch (IOException notJson) {
            return null;
        }
    }
}
