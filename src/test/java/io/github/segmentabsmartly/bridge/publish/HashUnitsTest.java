package io.github.segmentabsmartly.bridge.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ABsmartly SDKs' unit hash, with the spec's vectors. */
class HashUnitsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bleh@absmartly.com | IuqYkNRfEx5yClel4j3NbA",
        "123456789          | JfnnlDI7RTiF9RgfG2JNCw",
        "testy              | K5I_V6RgP8c6sYKz-TVn8g",
        "açb↓c              | LxcqH5VC15rXfWfA_smreg",
        "12345              | gnzLDuqKcGxMNKFokfhOew",
        "'  testy  '        | K5I_V6RgP8c6sYKz-TVn8g"})
    void uidIsHashedAsTheSdksDo(String uid, String hash) {
        assertEquals(hash, HashUnits.hash(uid));
    }
}
