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
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on loopback standing in for the ABsmartly Collector. It records every request and
 * answers from a script of responses (then 200 {"ok":true}). The connection test the bridge's readiness check
 * makes, {@code GET /v1/context/authed}, is answered and recorded apart: see {@link #authChecks()}.
 */
public final class CollectorStandIn implements AutoCloseable {

    /** The answeredStatus of a request whose answer is still held back. */
    public static final int PENDING = 0;

    /** One request as the Collector received it (header names lower-cased), and the status it was answered. */
    public record Received(String method, String path, Map<String, String> headers, String body, long atNanos,
            int answeredStatus) {

        /** Accepted: answered 2xx, so the Collector counts it. */
        public boolean accepted() {
            return answeredStatus >= 200 && answeredStatus < 300;
        }
    }

    /** Chooses the answer to a request when no scripted answer is left; null means 200. */
    public interface Faults {
        Answer answerFor(String body);
    }

    /** A scripted answer; {@code delay} holds the answer back; status {@link #DROP} closes without answering. */
    public record Answer(int status, String body, Map<String, String> headers, Duration delay) {

        public static final int DROP = -1;

        public static Answer dropConnection() {
            return new Answer(DROP, "", Map.of(), Duration.ZERO);
        }

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
    private final List<Received> authChecks = new ArrayList<>();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private volatile Answer authedAnswer = Answer.status(200);
    private volatile String requiredApiKey;
    private volatile Faults faults = body -> null;

    public CollectorStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.createContext("/v1/context/authed", this::handleAuthCheck);
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

    /** Answers 401 to requests without this X-API-Key, as the Collector does for a wrong key. */
    public void requireApiKey(String apiKey) {
        requiredApiKey = apiKey;
    }

    /**
     * Answers GET /v1/context/authed with this from now on (200 by default); a key other than the one given to
     * {@link #requireApiKey} is answered 401 regardless.
     */
    public void answerAuthChecks(Answer answer) {
        authedAnswer = answer;
    }

    /** The GET /v1/context/authed requests received since the last reset, apart from {@link #received()}. */
    public List<Received> authChecks() {
        synchronized (authChecks) {
            return List.copyOf(authChecks);
        }
    }

    /** Decides the answers once the script is used up. */
    public void injectFaults(Faults faults) {
        this.faults = faults;
    }

    public void reset() {
        faults = body -> null;
        requiredApiKey = null;
        script.clear();
        authedAnswer = Answer.status(200);
        synchronized (received) {
            received.clear();
        }
        clientPorts.clear();
        synchronized (authChecks) {
            authChecks.clear();
        }
    }

    /** How many connections the requests since the last reset came on (not counting the readiness checks). */
    public int connections() {
        return clientPorts.size();
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        clientPorts.add(exchange.getRemoteAddress().getPort());
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
                body, System.nanoTime(), PENDING);
        int index;
        synchronized (received) {
            index = received.size();
            received.add(request);
        }
        // recorded (as PENDING) before the answer is chosen, so that a fault that holds the answer back can be seen
        Answer answer = answerFor(headers, body);
        pause(answer.delay());
        synchronized (received) {
            if (index < received.size() && received.get(index) == request) {
                received.set(index, new Received(request.method(), request.path(), headers, body, request.atNanos(),
                        answer.status()));
            }
        }
        if (answer.status() == Answer.DROP) {
            exchange.close();
            return;
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

    private void handleAuthCheck(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            handle(exchange);
            return;
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        String apiKey = requiredApiKey;
        Answer answer = apiKey != null && !apiKey.equals(headers.get("x-api-key")) ? Answer.status(401) : authedAnswer;
        synchronized (authChecks) {
            authChecks.add(new Received("GET", exchange.getRequestURI().getPath(), headers, "", System.nanoTime(),
                    answer.status()));
        }
        pause(answer.delay());
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException clientGone) {
            // the check gave up waiting (its timeout)
        }
    }

    private Answer answerFor(Map<String, String> headers, String body) {
        String apiKey = requiredApiKey;
        if (apiKey != null && !apiKey.equals(headers.get("x-api-key"))) {
            return Answer.status(401);
        }
        Answer answer = script.poll();
        if (answer == null) {
            answer = faults.answerFor(body);
        }
        return answer == null ? Answer.status(200) : answer;
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
