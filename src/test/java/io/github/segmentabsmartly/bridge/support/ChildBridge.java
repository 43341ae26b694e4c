package io.github.segmentabsmartly.bridge.support;

import io.github.segmentabsmartly.bridge.BridgeMain;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The bridge's main class in a child JVM with the shipped JVM options (jvm.options: its heap and stack), configured
 * only by environment variables, as an operator runs it. Its standard output is discarded, or written to a file; its
 * standard error is kept for the test to read.
 */
public final class ChildBridge implements AutoCloseable {

    private final Process process;
    private final int port;
    private final int managementPort;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ChildBridge(Process process, int port, int managementPort) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Starts the bridge on a free port with these environment variables (and no other bridge settings). */
    public static ChildBridge start(Map<String, String> environment) throws IOException {
        return start(environment, null);
    }

    /** As {@link #start(Map)}, with the bridge's standard output (its log) written to a file. */
    public static ChildBridge start(Map<String, String> environment, Path standardOutput) throws IOException {
        return start(environment, standardOutput, "log4j2.properties");
    }

    /** As {@link #start(Map, Path)}, with this log4j2 configuration (a file, or the jar's log4j2.properties). */
    public static ChildBridge start(Map<String, String> environment, Path standardOutput, String logConfiguration)
            throws IOException {
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.addAll(shippedJvmOptions());
        command.addAll(List.of("-Dlog4j2.configurationFile=" + logConfiguration, "-cp",
                System.getProperty("java.class.path"), BridgeMain.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> variables = builder.environment();
        variables.keySet().removeIf(name -> name.startsWith("ABSMARTLY_") || name.startsWith("BRIDGE_"));
        variables.put("CAMEL_SERVER_PORT", String.valueOf(port));
        // loopback only, where ingest without credentials is allowed
        variables.put("CAMEL_SERVER_HOST", "127.0.0.1");
        variables.put("CAMEL_MANAGEMENT_PORT", String.valueOf(managementPort));
        variables.putAll(environment);
        builder.redirectOutput(standardOutput == null
                ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(standardOutput.toFile()));
        return new ChildBridge(builder.start(), port, managementPort);
    }

    /**
     * The options of jvm.options, but the class-data archive, which is made for the packaged jar (a JVM started on
     * another class path does not use it).
     */
    static List<String> shippedJvmOptions() throws IOException {
        return Files.readAllLines(Path.of("jvm.options")).stream().map(String::trim)
                .filter(line -> line.startsWith("-") && !line.startsWith("-XX:SharedArchiveFile")).toList();
    }

    public Process process() {
        return process;
    }

    /** http://127.0.0.1:port, the bridge's HTTP server. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Posts JSON to the bridge, waiting at most 30 s for it to have started (see {@link #awaitLive()}). */
    public HttpResponse<String> postWhenUp(String path, String json) throws Exception {
        awaitLive();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits at most 30 s for Camel to have started, routes and all (liveness answers 200): the HTTP port may
     * answer 404 for a moment before the routes are there.
     */
    public void awaitLive() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                if (management("/observe/health/live").statusCode() == 200) {
                    return;
                }
            } catch (ConnectException notYetListening) {
                // asked again below
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the bridge did not start");
            }
            Thread.sleep(50);
        }
    }

    /** GET on the management port (health, metrics), once the bridge is up. */
    public HttpResponse<String> management(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                .GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Waits for the bridge to exit by itself and returns its standard error, line by line. */
    public List<String> awaitExit() throws Exception {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the bridge did not stop");
        }
        return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
