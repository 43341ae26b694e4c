package io.github.segmentabsmartly.bridge.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.BridgeJson;
import io.github.segmentabsmartly.bridge.outcome.EventOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A 2xx answer delivers the event; the warnings and errors in it are counted by kind. */
class CollectorAnswerTest {

    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();

    @ParameterizedTest(name = "{0} -> {1} warnings, {2} errors")
    @CsvSource(delimiter = '|', textBlock = """
            {"ok":true}                                                     | 0 | 0
            {"ok":true,"warnings":["unknown goal: purchse"]}                | 1 | 0
            {"ok":true,"warnings":[],"errors":["unknown unit type: mail"]} | 0 | 1
            {"ok":true,"warnings":["a","b"],"errors":[{"code":7}]}          | 2 | 1
            {"ok":true,"warnings":"not a list"}                             | 0 | 0
            ''                                                              | 0 | 0
            not json                                                        | 0 | 0
            """)
    void warningsAndErrorsAreCountedAndTheEventDelivered(String answer, int warnings, int errors) throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getMessage().setBody(answer.getBytes(StandardCharsets.UTF_8));

        new CollectorAnswer(BridgeJson.mapper(), new CollectorCallMetrics(meters)).process(exchange);

        assertEquals(EventOutcome.Kind.DELIVERED,
                exchange.getProperty(BridgeExchange.OUTCOME, EventOutcome.class).kind());
        assertEquals(List.of((double) warnings, (double) errors), List.of(count(meters, "warning"),
                count(meters, "error")));
    }

    private static double count(SimpleMeterRegistry meters, String kind) {
        Counter counter = meters.find("bridge.collector.messages").tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }
}
