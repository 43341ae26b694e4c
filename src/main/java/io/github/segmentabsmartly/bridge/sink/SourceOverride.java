package io.github.segmentabsmartly.bridge.sink;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.settings.Source;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Delivers the events that pass here with their own X-Environment and X-Application (blank: the bridge's settings),
 * as a Segment source's write key can. The absmartly-sink Kamelet makes one from its properties.
 */
public class SourceOverride implements Processor {

    private final Source source;

    public SourceOverride(String environment, String application) {
        this.source = new Source(Source.SINK.id(), blankToNull(environment), blankToNull(application));
    }

    @Override
    public void process(Exchange exchange) {
        exchange.setProperty(BridgeExchange.SOURCE, source);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
