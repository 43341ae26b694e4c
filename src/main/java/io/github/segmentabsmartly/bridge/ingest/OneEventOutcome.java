package io.github.segmentabsmartly.bridge.ingest;

import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;

/**
 * For a request of one event, routed on a copy of the request ({@code enrich}) rather than split: the event's
 * outcome becomes the request's body, as the list of one outcome that the answer is made from, and its messageId
 * is settled as {@link OutcomeCollector} settles those of a split. The copy keeps the event's handled failures
 * from stopping the request's route, as a split's does; the request is the result, so nothing of the event's
 * error handling is copied onto it.
 */
public class OneEventOutcome implements AggregationStrategy {

    private final IdempotentRepository dedup;

    public OneEventOutcome(IdempotentRepository dedup) {
        this.dedup = dedup;
    }

    @Override
    public Exchange aggregate(Exchange request, Exchange event) {
        request.getMessage().setBody(List.of(OutcomeCollector.settledOutcome(dedup, event)));
        return request;
    }
}
