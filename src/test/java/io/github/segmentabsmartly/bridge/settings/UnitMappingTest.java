package io.github.segmentabsmartly.bridge.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitMappingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            anonymousId=anonymousId,userId=userId      | anonymousId>anonymousId userId>userId
            userId=userId,anonymousId=anonymousId      | userId>userId anonymousId>anonymousId
            ' traits.email = email , userId=user '     | traits.email>email userId>user
            context.traits.email=email                 | context.traits.email>email
            a=b,,c=d,                                  | a>b c>d
            a=b=c                                      | a>b=c
            """)
    void entriesInTheirOrder(String text, String entries) {
        String parsed = UnitMapping.parse(text).entries().stream()
                .map(entry -> entry.segmentPath() + ">" + entry.unitType())
                .collect(Collectors.joining(" "));

        assertEquals(entries, parsed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL
            ''
            '   '
            ','
            abc
            userId
            userId=
            =userId
            'anonymousId=anonymousId, userId'
            """)
    void unusableMappingsNameTheSetting(String text) {
        InvalidSettingException invalid = assertThrows(InvalidSettingException.class, () -> UnitMapping.parse(text));

        assertTrue(invalid.getMessage().contains("ABSMARTLY_UNIT_MAPPING"), invalid.getMessage());
    }
}
