package io.github.segmentabsmartly.bridge.replay;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Gives a replayed event back the environment and application of its source, and a refused one a fresh start in
 * deduplication, then routes it as an event.
 */
public class ReplaySource implements Processor {

    private final IdempotentRepository dedup;

    public ReplaySource(IdempotentRepository dedup) {
        this.dedup = dedup;
    }

    @Override
    public void process(Exchange exchange) {
        if (exchange.getIn().getBody() instanceof ReplayedEvent replayed) {
            if (replayed.source() != null) {
                exchange.setProperty(BridgeExchange.SOURCE, replayed.source());
            }
            replayed.forgetIfRefused(dedup);
            exchange.getIn().setBody(replayed.event());
        }
    }
}
