package io.github.segmentabsmartly.bridge.support;

import io.github.segmentabsmartly.bridge.BridgeMain;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.main.KameletMain;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainCommandLineSupport;
import org.apache.camel.spi.ResourceReloadStrategy;

/**
 * The real bridge, started in this JVM as {@code java -jar} starts it (same Main, same routes, same
 * application.properties) or as Camel JBang would, with settings overridden for the test and its own port and
 * data directory.
 */
public final class RunningBridge implements AutoCloseable {

    public static final String API_KEY = "test-api-key-DO-NOT-LOG-5f1c";

    private final MainCommandLineSupport main;
    private final int port;
    private final int managementPort;
    private final Path dataDir;
    private final HttpClient client = newClient();

    private RunningBridge(MainCommandLineSupport main, Map<String, String> settings, Path dataDir) throws Exception {
        this.port = freePort();
        this.managementPort = freePort();
        this.dataDir = dataDir;
        this.main = main;
        main.addOverrideProperty("camel.server.port", String.valueOf(port));
        // loopback only, where ingest without credentials is allowed
        main.addOverrideProperty("camel.server.host", "127.0.0.1");
        main.addOverrideProperty("camel.management.port", String.valueOf(managementPort));
        main.addOverrideProperty("bridge.data-dir", dataDir.toString());
        main.addOverrideProperty("camel.main.routes-reload-enabled", "false");
        settings.forEach(main::addOverrideProperty);
        main.start();
    }

    /** A bridge delivering to the stand-in, with the spec's defaults plus the given settings. */
    public static RunningBridge deliveringTo(CollectorStandIn collector, Path dataDir, String... keyValues)
            throws Exception {
        return new RunningBridge(BridgeMain.newMain(), deliverySettings(collector, keyValues), dataDir);
    }

    private static Map<String, String> deliverySettings(CollectorStandIn collector, String... keyValues) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("absmartly.collector-endpoint", collector.endpoint());
        settings.put("absmartly.api-key", API_KEY);
        settings.put("absmartly.environment", "production");
        settings.putAll(pairs(keyValues));
        return settings;
    }

    /** A bridge with no Collector endpoint: the dry run. */
    public static RunningBridge dryRun(Path dataDir, String... keyValues) throws Exception {
        return new RunningBridge(BridgeMain.newMain(), pairs(keyValues), dataDir);
    }

    /**
     * The bridge as Camel JBang's {@code camel run routes/*.yaml application.properties} starts it: Camel's
     * KameletMain (JBang's runtime) with the routes and the settings file given, and the bridge's jar on the
     * classpath, but none of BridgeMain.
     */
    public static RunningBridge underCamelRun(CollectorStandIn collector, Path dataDir) throws Exception {
        KameletMain main = new KameletMain("jbang");
        main.setDownload(false);
        main.setPropertyPlaceholderLocations("file:application.properties");
        main.addInitialProperty("camel.main.routes-include-pattern", "file:routes/*.yaml");
        return new RunningBridge(main, deliverySettings(collector), dataDir);
    }

    private static Map<String, String> pairs(String... keyValues) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put(keyValues[i], keyValues[i + 1]);
        }
        return settings;
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return post(path, json, "Content-Type", "application/json");
    }

    public HttpResponse<String> post(String path, String body, String... headers)
            throws IOException, InterruptedException {
        return post(path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public HttpResponse<String> post(String path, byte[] body, String... headers)
            throws IOException, InterruptedException {
        return client.send(request(path, body, headers), HttpResponse.BodyHandlers.ofString());
    }

    /** As {@link #post(String, String)}, answered later: for a test that sends while an earlier event waits. */
    public CompletableFuture<HttpResponse<String>> postAsync(String path, String json) {
        return client.sendAsync(request(path, json.getBytes(StandardCharsets.UTF_8), "Content-Type",
                "application/json"), HttpResponse.BodyHandlers.ofString());
    }

    // HTTP/1.1, as senders talk: the JDK's client would otherwise upgrade to HTTP/2 (h2c)
    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private HttpRequest request(String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return request.build();
    }

    /** http://127.0.0.1:port, as a sender's host setting. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** GET on the management port: health ("/observe/health/ready") and metrics ("/observe/metrics"). */
    public HttpResponse<String> management(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Asks the management port until the answer has the status, for at most 15 s (readiness waits, for
     * example, for the replay folder's first poll); returns the last answer either way.
     */
    public HttpResponse<String> managementWhen(String path, int status) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        HttpResponse<String> answer = management(path);
        while (answer.statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(50);
            answer = management(path);
        }
        return answer;
    }

    /** Every line of every file in a data subdirectory ("dead-letter", "outbox"). */
    public List<String> linesIn(String subdirectory) throws IOException {
        Path dir = dataDir.resolve(subdirectory);
        List<String> lines = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir).sorted()) {
                for (Path file : files.toList()) {
                    lines.addAll(Files.readAllLines(file));
                }
            }
        }
        return lines;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Route file reloads Camel has ended so far, loaded or not; 0 with route reload off. */
    public int routeReloads() {
        ResourceReloadStrategy reload = main.getCamelContext().hasService(ResourceReloadStrategy.class);
        return reload == null ? 0 : reload.getReloadCounter() + reload.getFailedCounter();
    }

    /** The ids of the routes, in the order Camel started them (it stops them in the reverse order). */
    public List<String> routesInStartOrder() {
        return main.getCamelContext().getCamelContextExtension().getRouteStartupOrder().stream()
                .map(started -> started.getRoute().getId()).toList();
    }

    /** The routes started now. */
    public long startedRoutes() {
        CamelContext context = main.getCamelContext();
        return context.getRoutes().stream()
                .filter(route -> context.getRouteController().getRouteStatus(route.getId()).isStarted()).count();
    }

    @Override
    public void close() throws Exception {
        main.stop();
    }
}
