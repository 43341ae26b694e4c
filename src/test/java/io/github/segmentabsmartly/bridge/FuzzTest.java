package io.github.segmentabsmartly.bridge;

import static io.github.segmentabsmartly.bridge.support.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.support.ChildBridge;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn;
import io.github.segmentabsmartly.bridge.support.Json;
import io.github.segmentabsmartly.bridge.support.PrometheusText;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile requests from a seeded generator, at the bridge as it is shipped (a child JVM with jvm.options: its heap
 * and stack) delivering to a Collector stand-in: truncated, deeply nested, huge, compressed (gzip bombs among them)
 * and binary bodies, wrong types in every field, odd headers, with and without credentials. Every answer is a clear
 * 2xx, 4xx or 503 with a JSON body, never another 5xx; the heap and the threads stay flat; and a good event is
 * delivered afterwards.
 */
class FuzzTest {

    static final long SEED = 7_2026_11_23L;
    static final String TOKEN = "fuzz-token";
    static final Set<Integer> CLEAR_ANSWERS = Set.of(200, 202, 400, 401, 404, 408, 413, 415, 503);
    static final String VALID = "{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"u1\","
            + "\"anonymousId\":\"a1\",\"messageId\":\"m1\",\"timestamp\":\"2023-01-01T00:00:00.000Z\","
            + "\"properties\":{\"revenue\":12.5,\"items\":[1,2]},\"context\":{\"library\":{\"name\":\"x\"}}}";
    static final String[] FIELDS = {"type", "event", "userId", "anonymousId", "messageId", "timestamp",
        "properties", "context", "name", "sentAt", "originalTimestamp", "receivedAt", "traits", "integrations"};
    static final String[] WRONG_VALUES = {"0", "-1.5e308", "true", "null", "[]", "{}", "\"\"", "\"   \"",
        "\"x\"", "[{}]", "{\"absmartly\":{\"units\":7}}", "\"9999-99-99T99:99:99Z\"", "12345678901234567890123",
        "1e400", "1e-400", "-0.0", "9".repeat(400), "\"\\u0000\"", "[[[[1]]]]", "{\"\":{}}",
        "\"+999999999-12-31T23:59:59Z\"", "{\"AB Smartly\":false}", "\"a\\r\\nb\""};
    /** Header sets a request is sent with: its credentials and its content headers. */
    static final List<String[]> HEADERS = List.of(
            new String[] {"Authorization", "Bearer " + TOKEN},
            new String[] {},
            new String[] {"Authorization", "Bearer wrong"},
            new String[] {"Authorization", "Basic !!!"},
            new String[] {"Authorization", "Bearer " + TOKEN, "Content-Type", "application/x-www-form-urlencoded"},
            new String[] {"Authorization", "Bearer " + TOKEN, "Content-Type", "text/plain; charset=utf-16"},
            new String[] {"Authorization", "Bearer " + TOKEN, "Content-Encoding", "br"},
            new String[] {"Authorization", "Bearer " + TOKEN, "Content-Encoding", "gzip"},
            new String[] {"X-Signature", "not-hex", "Content-Encoding", "gzip"});

    @TempDir
    Path dataDir;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void hostileRequestsGetClearAnswersAndLeaveNothingBehind() throws Exception {
        Map<String, Integer> statuses = new TreeMap<>();
        try (CollectorStandIn collector = new CollectorStandIn();
                ChildBridge bridge = ChildBridge.start(Map.of("ABSMARTLY_COLLECTOR_ENDPOINT", collector.endpoint(),
                        "ABSMARTLY_API_KEY", "k", "ABSMARTLY_ENVIRONMENT", "e", "BRIDGE_DATA_DIR", dataDir.toString(),
                        "INGEST_TOKENS", TOKEN, "SEGMENT_SHARED_SECRETS", "fuzz-secret", "BRIDGE_DEDUP_STORE", "none",
                        "ABSMARTLY_ENABLE_PAGE_VIEW_TRACKING", "true", "ABSMARTLY_ENABLE_EXPOSURE_TRACKING", "true"))) {
            bridge.awaitLive();
            List<byte[]> cases = cases(new Random(SEED));
            // A first pass fills the bounded pools and warms up; a leak shows as growth over the second.
            send(bridge, cases, statuses);
            long heapBefore = heapAfterCollection(bridge);
            double threadsBefore = metrics(bridge).value("jvm_threads_live_threads");

            send(bridge, cases, statuses);

            long heapGrowth = heapAfterCollection(bridge) - heapBefore;
            double threadsAfter = metrics(bridge).value("jvm_threads_live_threads");
            System.out.printf("fuzz: %d cases (seed %d), answers %s, threads %.0f -> %.0f, heap growth %d KB%n",
                    cases.size(), SEED, statuses, threadsBefore, threadsAfter, heapGrowth / 1024);
            assertTrue(threadsAfter <= threadsBefore + 8, "threads " + threadsBefore + " -> " + threadsAfter);
            assertTrue(heapGrowth < 16L * 1024 * 1024, "heap grew by " + heapGrowth / 1024 + " KB");
            collector.reset();
            HttpResponse<String> good = post(bridge, "/segment", VALID.replace("m1", "after-the-fuzz")
                    .getBytes(StandardCharsets.UTF_8), HEADERS.get(0));
            assertEquals(200, good.statusCode(), good.body());
            assertEquals("delivered", tree(good.body()).get("outcome").asText());
            assertEquals(1, collector.received().size());
        }
    }

    /** Each case with credentials and plain JSON headers, and again with one of the other header sets in turn. */
    private void send(ChildBridge bridge, List<byte[]> cases, Map<String, Integer> statuses) throws Exception {
        for (int i = 0; i < cases.size(); i++) {
            String path = i % 3 == 0 ? "/v1/batch" : i % 3 == 1 ? "/v1/track" : "/segment";
            for (String[] headers : List.of(HEADERS.get(0), HEADERS.get(1 + i % (HEADERS.size() - 1)))) {
                byte[] body = cases.get(i);
                boolean gzip = List.of(headers).contains("gzip");
                HttpResponse<String> answer = post(bridge, path, gzip ? gzip(body) : body, headers);
                String shown = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
                assertTrue(CLEAR_ANSWERS.contains(answer.statusCode()), answer.statusCode() + " for " + path + " "
                        + List.of(headers) + " " + shown + ": " + answer.body());
                assertTrue(Json.tree(answer.body()).has("success"), "no JSON answer for " + shown + ": " + answer.body());
                statuses.merge(String.valueOf(answer.statusCode()), 1, Integer::sum);
            }
        }
    }

    private static List<byte[]> cases(Random random) throws IOException {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            texts.add(VALID.substring(0, random.nextInt(VALID.length())));
        }
        for (String field : FIELDS) {
            for (String value : WRONG_VALUES) {
                texts.add(withField(field, value));
            }
        }
        for (String type : new String[] {"track", "page", "screen", "identify", "group", "TRACK", "", "alias\\u0000"}) {
            texts.add(withField("type", "\"" + type + "\""));
        }
        texts.add(withField("event", "\"Experiment Viewed\""));
        texts.add(VALID.replace("\"properties\":{", "\"properties\":{\"exposure\":{\"publishedAt\":\"NaNaN\"},"));
        texts.add("[".repeat(5_000) + "]".repeat(5_000));
        texts.add("{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"properties\":"
                + "{\"a\":".repeat(900) + "1" + "}".repeat(900) + "}");
        texts.add(withField("properties", "{\"blob\":\"" + "x".repeat(1_000_000) + "\"}"));
        texts.add(withField("userId", "\"" + "u".repeat(700) + "\""));
        texts.add("{\"type\":\"track\",\"event\":\"E\",\"userId\":NaN}");
        texts.add("{\"type\":\"track\",\"event\":\"E\",\"userId\":Infinity}");
        texts.add("{\"type\":\"track\",\"type\":\"page\",\"event\":\"E\",\"userId\":\"u\",\"userId\":7}");
        texts.add("[" + "1,".repeat(9_999) + "1]");
        texts.add("{\"batch\":[" + "{},".repeat(3_999) + "{}]}");
        texts.add("[" + "{},".repeat(3_000_000) + "{}]");
        texts.add("[" + (VALID + ",").repeat(50) + "null]");
        texts.add("[" + ("{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"p\":\"" + "p".repeat(40_000)
                + "\"},").repeat(150) + "{}]");
        texts.add("");
        texts.add("   \n\t ");
        texts.add("{\"batch\":null}");
        texts.add("{\"batch\":[],\"context\":" + "[".repeat(100) + "]".repeat(100) + "}");
        texts.add("\"\\ud800\"");
        List<byte[]> cases = new ArrayList<>();
        for (String text : texts) {
            cases.add(text.getBytes(StandardCharsets.UTF_8));
        }
        cases.add(new byte[] {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        cases.add(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 0x7B, 0, 0x7D});
        cases.add(new byte[20_000_000]);
        for (int i = 0; i < 40; i++) {
            byte[] noise = new byte[1 + random.nextInt(300)];
            random.nextBytes(noise);
            cases.add(noise);
        }
        return cases;
    }

    private static String withField(String field, String json) {
        String replaced = VALID.replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\{[^}]*\\}\\}?|[^,}]*)",
                "\"" + field + "\":" + java.util.regex.Matcher.quoteReplacement(json));
        return replaced.equals(VALID) ? VALID.replace("{\"type\"", "{\"" + field + "\":" + json + ",\"type\"")
                : replaced;
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(body);
        }
        return compressed.toByteArray();
    }

    private HttpResponse<String> post(ChildBridge bridge, String path, byte[] body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bridge.baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static PrometheusText metrics(ChildBridge bridge) throws Exception {
        return PrometheusText.parse(bridge.management("/observe/metrics").body());
    }

    /** The bridge's heap in use right after a full collection, which jcmd asks its JVM for. */
    private static long heapAfterCollection(ChildBridge bridge) throws Exception {
        Process collect = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin" + File.separator
                + "jcmd", String.valueOf(bridge.process().pid()), "GC.run").redirectErrorStream(true).start();
        collect.getInputStream().readAllBytes();
        assertTrue(collect.waitFor(30, TimeUnit.SECONDS) && collect.exitValue() == 0, "jcmd GC.run");
        return (long) metrics(bridge).value("jvm_memory_used_bytes", "area", "heap");
    }
}
