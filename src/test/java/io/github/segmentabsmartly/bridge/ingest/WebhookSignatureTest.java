package io.github.segmentabsmartly.bridge.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spec's signature vectors (secret s3cr3t), and what must not pass. */
class WebhookSignatureTest {

    static final String SINGLE = "{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"u1\",\"messageId\":\"m-1\"}";
    static final String BATCH =
            "[{\"type\":\"track\",\"event\":\"A\",\"messageId\":\"m-1\"},{\"type\":\"page\",\"name\":\"Home\",\"messageId\":\"m-2\"}]";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "single event, its signature          | SINGLE | c7555de45f20d3551a058e74eb05a1fd4668b55b | s3cr3t         | true",
        "upper-case hex                       | SINGLE | C7555DE45F20D3551A058E74EB05A1FD4668B55B | s3cr3t         | true",
        "batch, signature of element 0        | BATCH  | ae943b1ed7cf9707727a1512905b9d75af4ebc30 | s3cr3t         | true",
        "rotated: the old secret still listed | SINGLE | c7555de45f20d3551a058e74eb05a1fd4668b55b | new,s3cr3t     | true",
        "another secret                       | SINGLE | c7555de45f20d3551a058e74eb05a1fd4668b55b | other          | false",
        "signature of another body            | BATCH  | c7555de45f20d3551a058e74eb05a1fd4668b55b | s3cr3t         | false",
        "truncated signature                  | SINGLE | c7555de45f20d3551a058e74eb05a1fd4668b5   | s3cr3t         | false",
        "empty signature                      | SINGLE | ''                                       | s3cr3t         | false"})
    void signatureIsCheckedOverTheRawBytes(String what, String body, String signature, String secrets,
            boolean valid) {
        byte[] bytes = (body.equals("SINGLE") ? SINGLE : BATCH).getBytes(StandardCharsets.UTF_8);

        assertEquals(valid, signedByAny(signature, bytes, secrets.split(",")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "c7555de45f20d3551a058e74eb05a1fd4668b55b",
        "ae943b1ed7cf9707727a1512905b9d75af4ebc30"})
    void reserializedBodyDoesNotPass(String signature) {
        String pretty = SINGLE.replace(",", ", ").replace(":", ": ");
        String prettyBatch = BATCH.replace("},{", "}, {").replace(":", ": ");

        assertEquals(false, signedByAny(signature, pretty.getBytes(StandardCharsets.UTF_8), "s3cr3t"));
        assertEquals(false, signedByAny(signature, prettyBatch.getBytes(StandardCharsets.UTF_8), "s3cr3t"));
    }

    private static boolean signedByAny(String signature, byte[] body, String... secrets) {
        byte[] firstElement = WebhookSignature.firstArrayElement(body);
        return List.of(secrets).stream()
                .anyMatch(secret -> WebhookSignature.isValid(signature, body, secret, firstElement));
    }
}
