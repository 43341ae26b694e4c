package io.github.segmentabsmartly.bridge.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on loopback standing in for the ABsmartly Collector. It records every request and
 * answers from a script of responses (then 200 {"ok":true}).
 */
public final class CollectorStandIn implements AutoCloseable {

    /** One request as the Collector received it; header names are lower-cased. */
    public record Received(String method, String path, Map<String, String> headers, String body, long atNanos) {
    }

    /** A scripted answer; {@code delay} holds the answer back, {@code dropConnection} closes without one. */
    public record Answer(int status, String body, Map<String, String> headers, Duration delay) {

        public static Answer status(int status) {
            return new Answer(status, status < 300 ? "{\"ok\":true}" : "{\"error\":\"status " + status + "\"}",
                    Map.of(), Duration.ZERO);
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> more = new TreeMap<>(headers);
            more.put(name, value);
            return new Answer(status, body, more, delay);
        }

        public Answer withBody(String text) {
            return new Answer(status, text, headers, delay);
        }

        public Answer after(Duration wait) {
            return new Answer(status, body, headers, wait);
        }
    }

    private final HttpServer server;
    private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = new ArrayList<>();

    public CollectorStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** The endpoint to configure as ABSMARTLY_COLLECTOR_ENDPOINT. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Answers the next requests with these, in order. */
    public void answer(Answer... answers) {
        script.addAll(List.of(answers));
    }

    public void reset() {
        script.clear();
        synchronized (received) {
            received.clear();
        }
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (received) {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body,
                    System.nanoTime()));
        }
        Answer answer = script.poll();
        answer = answer == null ? Answer.status(200) : answer;
        try {
            Thread.sleep(answer.delay().toMillis());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException clientGone) {
            // the bridge gave up waiting (response timeout): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
