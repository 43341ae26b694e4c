package io.github.segmentabsmartly.bridge.event;

import static io.github.segmentabsmartly.bridge.support.JsonValues.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Segment's integrations object: "AB Smartly" off, or everything off but it. */
class IntegrationsOptOutTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {}                                                         | false
            {"integrations":{}}                                        | false
            {"integrations":{"AB Smartly":false}}                      | true
            {"integrations":{"AB Smartly":true}}                       | false
            {"integrations":{"All":false}}                             | true
            {"integrations":{"All":false,"AB Smartly":true}}           | false
            {"integrations":{"All":false,"AB Smartly":{"x":1}}}        | false
            {"integrations":{"All":true,"AB Smartly":false}}           | true
            {"integrations":{"All":false,"Mixpanel":true}}             | true
            {"integrations":{"Mixpanel":false}}                        | false
            {"integrations":{"ab smartly":false}}                      | false
            {"integrations":{"All":"false"}}                           | false
            {"integrations":false}                                     | false
            {"integrations":{"ABsmartly":false}}                       | true
            {"integrations":{"All":false,"ABsmartly":true}}            | false
            """)
    void anEventIsKeptFromThisDestinationAsSegmentWould(String event, boolean optsOut) {
        assertEquals(optsOut, new IntegrationsOptOut(List.of("ABsmartly")).optsOut(object(event)));
    }
}
