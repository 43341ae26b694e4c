package io.github.segmentabsmartly.bridge.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request that failed inside the bridge (a bug, an edit to a route gone wrong) rather than for what it
 * carried: 500, which senders send again, with {@code {"success": false, "error": ...}}. The cause goes to the log
 * only: its message may quote the request, or name the bridge's internals.
 */
public class InternalErrorAnswer implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger("bridge.outcomes");
    private static final int INTERNAL_SERVER_ERROR = 500;

    private final ObjectMapper mapper;

    public InternalErrorAnswer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.error("a request failed inside the bridge (answered {}): route {}", INTERNAL_SERVER_ERROR,
                exchange.getFromRouteId(), cause);
        JsonAnswer.refusal(exchange, mapper, INTERNAL_SERVER_ERROR,
                "internal error: the bridge logged it; send the request again");
    }
}
