package io.github.segmentabsmartly.bridge.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CollectorStatusTest {

    /** Three seconds before Wed, 21 Oct 2015 07:28:00 GMT. */
    static final long NOW = 1445412477000L;

    @ParameterizedTest
    @CsvSource({
        "408, true", "423, true", "429, true", "500, true", "502, true", "503, true", "504, true", "599, true",
        "200, false", "400, false", "401, false", "403, false", "404, false", "409, false", "413, false",
        "422, false", "501, false"})
    void isTransient(int status, boolean expected) {
        assertEquals(expected, CollectorStatus.isTransient(status));
    }

    @ParameterizedTest
    @CsvSource({"401, true", "403, true", "400, false", "404, false", "407, false", "500, false"})
    void isCredentialsProblem(int status, boolean credentials) {
        assertEquals(credentials, CollectorStatus.isCredentialsProblem(status));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Retry-After   | 2                             | 2000
            retry-after   | 2                             | 2000
            RETRY-AFTER   | 120                           | 120000
            Retry-After   | ' 7 '                         | 7000
            Retry-After   | 0                             | 0
            Retry-After   | -5                            | 0
            Retry-After   | Wed, 21 Oct 2015 07:28:00 GMT | 3000
            retry-after   | Wed, 21 Oct 2015 07:28:00 GMT | 3000
            Retry-After   | Wed, 21 Oct 2015 07:27:00 GMT | 0
            Retry-After   | soon                          |
            Retry-After   | 2.5                           |
            Retry-After   | 2015-10-21T07:28:00Z          |
            Retry-After   | ''                            |
            Retry-After-X | 2                             |
            Content-Type  | 2                             |
            """)
    void retryAfterIsSecondsOrAnHttpDate(String header, String value, Long millis) {
        Duration wait = CollectorStatus.retryAfter(Map.of(header, value), NOW);

        assertEquals(millis, wait == null ? null : wait.toMillis());
    }

    @Test
    void noHeadersMeanNoRetryAfter() {
        assertNull(CollectorStatus.retryAfter(null, NOW));
        assertNull(CollectorStatus.retryAfter(Map.of(), NOW));
    }
}
