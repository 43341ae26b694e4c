package io.github.segmentabsmartly.bridge.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoalMappingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            'Signed Up=signup, Checkout Started = checkout' | Signed Up        | signup
            'Signed Up=signup, Checkout Started = checkout' | Checkout Started | checkout
            'Signed Up=signup, Checkout Started = checkout' | Order Completed  | Order Completed
            'Signed Up=signup, Checkout Started = checkout' | signed up        | signed up
            ''                                              | Order Completed  | Order Completed
            """)
    void mappedNamesAreRenamedOthersPassThrough(String text, String event, String goal) {
        assertEquals(goal, GoalMapping.parse(text).goalFor(event));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            abc
            =signup
            Signed Up=
            'Signed Up=signup,Checkout Started'
            """)
    void unusableMappingsNameTheSetting(String text) {
        InvalidSettingException invalid = assertThrows(InvalidSettingException.class, () -> GoalMapping.parse(text));

        assertTrue(invalid.getMessage().contains("ABSMARTLY_GOAL_MAPPING"), invalid.getMessage());
    }
}
