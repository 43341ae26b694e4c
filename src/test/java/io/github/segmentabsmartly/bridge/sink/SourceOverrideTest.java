package io.github.segmentabsmartly.bridge.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.settings.Source;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The absmartly-sink Kamelet's environment and application: its defaults ("") keep the settings'. */
class SourceOverrideTest {

    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();

    @ParameterizedTest(name = "[{0}]")
    @NullSource
    @ValueSource(strings = {"", "  "})
    void blankKeepsTheSettings(String blank) {
        Source source = sourceAfter(new SourceOverride(blank, blank));

        assertEquals(new Source("sink", null, null), source);
        assertEquals("production", source.environmentOr("production"));
        assertEquals("", source.applicationOr(""));
    }

    @Test
    void givenValuesReplaceTheSettingsTrimmed() {
        Source source = sourceAfter(new SourceOverride(" staging ", "shop"));

        assertEquals("staging", source.environmentOr("production"));
        assertEquals("shop", source.applicationOr(""));
    }

    private static Source sourceAfter(SourceOverride override) {
        Exchange exchange = new DefaultExchange(CAMEL);
        override.process(exchange);
        return exchange.getProperty(BridgeExchange.SOURCE, Source.class);
    }
}
