package io.github.segmentabsmartly.bridge.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.event.SegmentEvent;
import io.github.segmentabsmartly.bridge.settings.BridgeSettings;
import io.github.segmentabsmartly.bridge.settings.SourceOverrides;
import java.io.UncheckedIOException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Turns a publish body into the Collector request: {@code PUT {endpoint}/context} (the URL as the CamelHttpUri
 * header, which the route's http endpoint calls with its method) with the JSON body and the
 * headers the ABsmartly SDKs send, the environment and application being those of the event's Segment source
 * when its write key names them. Nothing of the incoming request's headers is passed on.
 */
public class CollectorRequest implements org.apache.camel.Processor {

    public static final String API_KEY_HEADER = "X-API-Key";
    private static final SourceOverrides NO_OVERRIDES = new SourceOverrides(null, null);

    private final BridgeSettings settings;
    private final ObjectMapper mapper;

    public CollectorRequest(BridgeSettings settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) {
        SegmentEvent event = exchange.getProperty(BridgeExchange.EVENT, SegmentEvent.class);
        SourceOverrides source = exchange.getProperty(BridgeExchange.SOURCE, NO_OVERRIDES, SourceOverrides.class);
        String application = source.applicationOr(settings.application());
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_URI, settings.collectorContextUrl());
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader(API_KEY_HEADER, settings.apiKey());
        message.setHeader("X-Environment", source.environmentOr(settings.environment()));
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

    /** ABSMARTLY_AGENT, else the Segment library that sent the event, else "segment". */
    private String agent(SegmentEvent event) {
        if (!settings.agent().isEmpty()) {
            return settings.agent();
        }
        Object library = event.at("context.library.name");
        return library instanceof String name && !name.isBlank() ? name : "segment";
    }
}
