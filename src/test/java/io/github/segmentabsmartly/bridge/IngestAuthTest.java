package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.support.BridgeUnderTest;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn.Received;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Only senders that prove who they are get in; a write key can route its source to its own environment. */
class IngestAuthTest {

    static final String SIGNED = "{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"u1\",\"messageId\":\"m-1\"}";
    static final String SIGNED_BATCH =
            "[{\"type\":\"track\",\"event\":\"A\",\"messageId\":\"m-1\"},{\"type\":\"page\",\"name\":\"Home\",\"messageId\":\"m-2\"}]";

    @RegisterExtension
    static final BridgeUnderTest bridge = BridgeUnderTest.withSettings(
            "segment.shared-secrets", "new-secret, s3cr3t",
            "segment.write-keys", "wk-prod, wk-ios=staging/ios-app, wk-web=web-env",
            "ingest.tokens", "token-1",
            "absmartly.application", "default-app",
            "bridge.dedup.store", "none");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "signed event                 | c7555de45f20d3551a058e74eb05a1fd4668b55b | 200",
        "wrong signature              | c7555de45f20d3551a058e74eb05a1fd4668b55c | 401",
        "missing signature            | ''                                       | 401"})
    void webhookSignatureIsRequired(String what, String signature, int status) throws Exception {
        HttpResponse<String> answer = signature.isEmpty()
                ? bridge.post("/segment", SIGNED)
                : bridge.post("/segment", SIGNED, "Content-Type", "application/json", "X-Signature", signature);

        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(status == 200 ? 1 : 0, bridge.collector().received().size());
    }

    @Test
    void batchedWebhookSignedOnItsFirstElementIsAccepted() throws Exception {
        HttpResponse<String> answer = bridge.post("/segment", SIGNED_BATCH, "Content-Type", "application/json",
                "X-Signature", "ae943b1ed7cf9707727a1512905b9d75af4ebc30");

        assertEquals(200, answer.statusCode(), answer.body());
    }

    @Test
    void signatureOverAReserializedBodyIsRefused() throws Exception {
        String reformatted = SIGNED.replace(",", ", ");

        HttpResponse<String> answer = bridge.post("/segment", reformatted, "Content-Type", "application/json",
                "X-Signature", "c7555de45f20d3551a058e74eb05a1fd4668b55b");

        assertEquals(401, answer.statusCode());
        assertTrue(tree(answer.body()).get("error").asText().contains("X-Signature"));
        assertTrue(bridge.collector().received().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "wk-ios | staging     | ios-app",
        "wk-web | web-env     | default-app",
        "wk-prod| production  | default-app"})
    void writeKeySetsItsSourcesEnvironmentAndApplication(String writeKey, String environment, String application)
            throws Exception {
        HttpResponse<String> answer = bridge.post("/v1/track", "{\"event\":\"E\",\"userId\":\"u\"}",
                "Content-Type", "application/json", "Authorization", basic(writeKey));

        assertEquals(200, answer.statusCode(), answer.body());
        Received request = bridge.onlyRequest();
        assertEquals(environment, request.headers().get("x-environment"));
        assertEquals(application, request.headers().get("x-application"));
    }

    @Test
    void unknownWriteKeyIsRefused() throws Exception {
        HttpResponse<String> answer = bridge.post("/v1/track", "{\"event\":\"E\",\"userId\":\"u\"}",
                "Content-Type", "application/json", "Authorization", basic("wk-unknown"));

        assertEquals(401, answer.statusCode());
        assertFalse(answer.body().contains("wk-unknown"));
        assertTrue(bridge.collector().received().isEmpty());
    }

    @Test
    void writeKeyInTheBatchBodyIsAcceptedAndNeverStored() throws Exception {
        HttpResponse<String> answer = bridge.post("/v1/batch",
                "{\"writeKey\":\"wk-ios\",\"batch\":[{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\","
                        + "\"writeKey\":\"wk-ios\"}]}");

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("staging", bridge.onlyRequest().headers().get("x-environment"));
        assertFalse(bridge.onlyRequest().body().contains("wk-ios"));
    }

    /**
     * A body searched for its write key is read within the limits of any JSON the bridge reads, before its sender is
     * known: past them, it is refused for what it is, whatever key it may carry.
     */
    @Test
    void aWriteKeyBodyPastTheJsonLimitsIsRefusedForItsJson() throws Exception {
        String nested = "[".repeat(BridgeJson.MAX_NESTING_DEPTH + 1) + "]".repeat(BridgeJson.MAX_NESTING_DEPTH + 1);

        HttpResponse<String> answer = bridge.post("/v1/batch", "{\"deep\":" + nested + ",\"writeKey\":\"wk-unknown\","
                + "\"batch\":[{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\"}]}");

        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(tree(answer.body()).get("error").asText().contains("nesting depth"), answer.body());
        assertTrue(bridge.collector().received().isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"/segment", "/v1/track"})
    void bearerTokenOpensEveryPath(String path) throws Exception {
        String event = "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\"}";

        assertEquals(200, bridge.post(path, event, "Content-Type", "application/json",
                "Authorization", "Bearer token-1").statusCode());
        assertEquals(401, bridge.post(path, event, "Content-Type", "application/json",
                "Authorization", "Bearer token-2").statusCode());
    }

    @Test
    void gzipBodyIsRead() throws Exception {
        byte[] json = "{\"batch\":[{\"type\":\"track\",\"event\":\"Zipped\",\"userId\":\"u\"}]}"
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = bridge.post("/v1/batch", gzip(json), "Content-Type",
                "application/json", "Content-Encoding", "gzip", "Authorization", basic("wk-prod"));

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("Zipped", tree(bridge.onlyRequest().body()).at("/goals/0/name").asText());
    }

    /**
     * 8 KB of gzip that would inflate to 7 MiB of {@code [{},{},...]}: from a stranger it costs the bridge its 8 KB and
     * is refused before it is inflated; from a sender with a write key it is inflated as it is read, and refused at
     * the path's limit, or at the most events a batch may carry, without building the events.
     */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ''      | /segment  | 401 | missing or wrong credentials
            wk-prod | /segment  | 413 | the batch has more than 4000 events, the limit
            wk-prod | /v1/batch | 413 | the body is over the limit of 512000 bytes once decompressed
            """)
    void aCompressedBodyIsRefusedBeforeItIsInflatedOrBuilt(String writeKey, String path, int status, String error)
            throws Exception {
        byte[] bomb = gzip(("[" + "{},".repeat(7 * 1024 * 1024 / 3) + "{}]").getBytes(StandardCharsets.UTF_8));
        assertTrue(bomb.length < 64 * 1024, bomb.length + " bytes");

        HttpResponse<String> answer = writeKey.isEmpty()
                ? bridge.post(path, bomb, "Content-Type", "application/json", "Content-Encoding", "gzip")
                : bridge.post(path, bomb, "Content-Type", "application/json", "Content-Encoding", "gzip",
                        "Authorization", basic(writeKey));

        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(tree(answer.body()).get("error").asText().startsWith(error), answer.body());
    }

    static byte[] gzip(byte[] json) throws java.io.IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(json);
        }
        return zipped.toByteArray();
    }

    static String basic(String writeKey) {
        return "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    }
}
