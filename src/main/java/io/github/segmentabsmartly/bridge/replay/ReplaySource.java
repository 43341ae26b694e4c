package io.github.segmentabsmartly.bridge.replay;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Gives a replayed event back the environment and application of its source, then routes it as an event. */
public class ReplaySource implements Processor {

    @Override
    public void process(Exchange exchange) {
        if (exchange.getIn().getBody() instanceof ReplayedEvent replayed) {
            if (replayed.source() != null) {
                exchange.setProperty(BridgeExchange.SOURCE, replayed.source());
            }
            exchange.getIn().setBody(replayed.event());
        }
    }
}
