package io.github.segmentabsmartly.bridge.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers a request refused as a whole: its status, {@code {"success": false, "error": ...}}, and a Retry-After. */
public class RequestRejectedAnswer implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger("bridge.outcomes");

    private final ObjectMapper mapper;

    public RequestRejectedAnswer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) {
        RequestRejectedException rejection =
                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RequestRejectedException.class);
        LOG.warn("refused a request ({}): {}", rejection.status(), rejection.getMessage());
        JsonAnswer.refusal(exchange, mapper, rejection.status(), rejection.getMessage());
        if (rejection.retryAfterSeconds() != null) {
            exchange.getMessage().setHeader("Retry-After", rejection.retryAfterSeconds());
        }
    }
}
