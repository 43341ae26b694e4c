package io.github.segmentabsmartly.bridge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.support.Json;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile bodies from a seeded generator, sent at the real HTTP endpoints: every answer is a clear 4xx or a
 * correct 2xx with a JSON body, none is a 5xx, none hangs, and no threads or memory are left behind.
 */
class FuzzTest {

    static final long SEED = 7_2026_11_23L;
    static final Set<Integer> CLEAR_ANSWERS = Set.of(200, 202, 400, 404, 413, 415);
    static final String VALID = "{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"u1\","
            + "\"anonymousId\":\"a1\",\"messageId\":\"m1\",\"timestamp\":\"2023-01-01T00:00:00.000Z\","
            + "\"properties\":{\"revenue\":12.5,\"items\":[1,2]},\"context\":{\"library\":{\"name\":\"x\"}}}";
    static final String[] FIELDS = {"type", "event", "userId", "anonymousId", "messageId", "timestamp",
        "properties", "context", "name", "sentAt", "originalTimestamp", "receivedAt"};
    static final String[] WRONG_VALUES = {"0", "-1.5e308", "true", "null", "[]", "{}", "\"\"", "\"   \"",
        "\"x\"", "[{}]", "{\"absmartly\":{\"units\":7}}", "\"9999-99-99T99:99:99Z\"", "12345678901234567890123",
        "1e400", "1e-400", "-0.0", "9".repeat(400), "\"\\u0000\"", "[[[[1]]]]", "{\"\":{}}"};

    @TempDir
    Path dataDir;

    @Test
    void hostileBodiesGetClearAnswers() throws Exception {
        Map<String, Integer> statuses = new TreeMap<>();
        // no dedup: the cases share VALID's messageId, and a duplicate is answered before its fields are read
        try (RunningBridge bridge = RunningBridge.dryRun(dataDir, "bridge.dedup.store", "none",
                "absmartly.enable-page-view-tracking", "true", "absmartly.enable-exposure-tracking", "true")) {
            List<byte[]> cases = cases(new Random(SEED));
            // A first pass fills the bounded pools (HTTP workers, batch delivery) and warms up; a leak shows
            // as growth over the second.
            send(bridge, cases, statuses);
            int threadsBefore = liveThreads();
            long heapBefore = usedHeapAfterGc();

            send(bridge, cases, statuses);

            int threadsAfter = liveThreads();
            long heapGrowth = usedHeapAfterGc() - heapBefore;
            System.out.printf("fuzz: %d cases (seed %d), answers %s, threads %d -> %d, heap growth %d KB%n",
                    cases.size(), SEED, statuses, threadsBefore, threadsAfter, heapGrowth / 1024);
            assertTrue(threadsAfter <= threadsBefore + 8, "threads " + threadsBefore + " -> " + threadsAfter);
            assertTrue(heapGrowth < 64L * 1024 * 1024, "heap grew by " + heapGrowth / 1024 + " KB");
        }
    }

    private static void send(RunningBridge bridge, List<byte[]> cases, Map<String, Integer> statuses)
            throws Exception {
        for (byte[] body : cases) {
            String path = body.length % 3 == 0 ? "/v1/batch" : body.length % 3 == 1 ? "/v1/track" : "/segment";
            HttpResponse<String> answer = bridge.post(path, body);
            String shown = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
            assertTrue(CLEAR_ANSWERS.contains(answer.statusCode()),
                    answer.statusCode() + " for " + path + " " + shown + ": " + answer.body());
            assertTrue(Json.tree(answer.body()).has("success"), "no JSON answer for " + shown);
            statuses.merge(String.valueOf(answer.statusCode()), 1, Integer::sum);
        }
    }

    private static List<byte[]> cases(Random random) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            texts.add(VALID.substring(0, random.nextInt(VALID.length())));
        }
        for (String field : FIELDS) {
            for (String value : WRONG_VALUES) {
                texts.add(withField(field, value));
            }
        }
        for (String type : new String[] {"track", "page", "screen", "identify", "TRACK", "", "alias\\u0000"}) {
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
        texts.add("[" + (VALID + ",").repeat(50) + "null]");
        texts.add("");
        texts.add("   \n\t ");
        texts.add("{\"batch\":null}");
        texts.add("\"\\ud800\"");
        List<byte[]> cases = new ArrayList<>();
        for (String text : texts) {
            cases.add(text.getBytes(StandardCharsets.UTF_8));
        }
        cases.add(new byte[] {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        cases.add(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 0x7B, 0, 0x7D});
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

    private static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
