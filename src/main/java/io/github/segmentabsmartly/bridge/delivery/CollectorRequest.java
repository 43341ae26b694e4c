package io.github.segmentabsmartly.bridge.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.event.EventRejectedException;
import io.github.segmentabsmartly.bridge.event.RejectionCode;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import io.github.segmentabsmartly.bridge.settings.BridgeSettings;
import io.github.segmentabsmartly.bridge.settings.HeaderValues;
import io.github.segmentabsmartly.bridge.settings.Source;
import java.io.UncheckedIOException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Turns a publish body into the Collector request: {@code /context} under the endpoint, the JSON body, and as the only
 * headers those the ABsmartly SDKs send, the environment and application being those of the event's source when its write key names them. The
 * incoming request's headers are gone: the http endpoint would send them, and Camel's would redirect it. The agent
 * is ABSMARTLY_AGENT, else the Segment library that sent the event when its name can be a header value, else
 * "segment": an event value never becomes protocol syntax.
 */
public class CollectorRequest implements org.apache.camel.Processor {

    public static final String API_KEY_HEADER = "X-API-Key";

    private final BridgeSettings settings;
    private final ObjectMapper mapper;

    public CollectorRequest(BridgeSettings settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) {
        SegmentEvent event = exchange.getProperty(BridgeExchange.EVENT, SegmentEvent.class);
        Source source = exchange.getProperty(BridgeExchange.SOURCE, Source.SINK, Source.class);
        String environment = headerValue(source.environmentOr(settings.environment()), "environment");
        String application = headerValue(source.applicationOr(settings.application()), "application");
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_PATH, "context");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader(API_KEY_HEADER, settings.apiKey());
        message.setHeader("X-Environment", environment);
        message.setHeader("X-Agent", agent(event));
        if (!application.isEmpty()) {
            message.setHeader("X-Application", application);
            message.setHeader("X-Application-Version", settings.applicationVersion());
        }
        try {
            message.setBody(mapper.writeValueAsBytes(message.getBody()));
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private String agent(SegmentEvent event) {
        if (!settings.agent().isEmpty()) {
            return settings.agent();
        }
        Object library = event.at("context.library.name");
        return library instanceof String name && !name.isBlank() && HeaderValues.isValid(name) ? name : "segment";
    }

    /** A source's environment or application comes from settings, or from a dead-letter line replayed. */
    private static String headerValue(String value, String what) {
        if (!HeaderValues.isValid(value)) {
            throw new EventRejectedException(RejectionCode.BAD_FIELD, "the " + what + " of the event's source cannot"
                    + " be an HTTP header value");
        }
        return value;
    }
}
