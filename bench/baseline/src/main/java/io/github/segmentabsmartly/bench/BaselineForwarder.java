package io.github.segmentabsmartly.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's baseline: what the bridge does for a track goal, written by hand with no framework. POST
 * /segment (one event, an array or {"batch": [...]}) and POST /v1/batch; each track event (but Experiment
 * Viewed) becomes one PUT {endpoint}/context, and the sender gets 200 {"success":true} once every PUT got a
 * 2xx, 503 otherwise. No retries, dead letters, exposures, page/screen goals or settings beyond these:
 * BASELINE_PORT, ABSMARTLY_COLLECTOR_ENDPOINT, ABSMARTLY_API_KEY, ABSMARTLY_ENVIRONMENT, BASELINE_INSTANCES.
 */
public final class BaselineForwarder extends AbstractVerticle {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] UNIT_PATHS = {"anonymousId", "userId"};

    private final int port = Integer.parseInt(env("BASELINE_PORT", "8090"));
    private final String contextUrl = env("ABSMARTLY_COLLECTOR_ENDPOINT", "http://127.0.0.1:8091/v1") + "/context";
    private final String apiKey = env("ABSMARTLY_API_KEY", "bench");
    private final String environment = env("ABSMARTLY_ENVIRONMENT", "bench");
    private WebClient client;

    public static void main(String[] args) {
        // one server on an event loop of its own for each core (Vert.x shares the port between them);
        // BASELINE_INSTANCES sets another number
        int instances = Integer.parseInt(env("BASELINE_INSTANCES",
                String.valueOf(Runtime.getRuntime().availableProcessors())));
        Vertx.vertx().deployVerticle(BaselineForwarder::new, new DeploymentOptions().setInstances(instances))
                .onSuccess(id -> System.out.println("baseline forwarder started, " + instances + " instance(s)"))
                .onFailure(e -> { e.printStackTrace(); System.exit(1); });
    }

    @Override
    public void start(Promise<Void> started) {
        client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setMaxPoolSize(32));
        vertx.createHttpServer().requestHandler(this::handle).listen(port, "127.0.0.1")
                .<Void>mapEmpty().onComplete(started);
    }

    private void handle(HttpServerRequest req) {
        String path = req.path();
        if (req.method() != HttpMethod.POST || !(path.equals("/segment") || path.equals("/v1/batch"))) {
            req.response().setStatusCode(404).end();
            return;
        }
        req.body().onSuccess(body -> {
            List<JsonNode> events = new ArrayList<>();
            try {
                JsonNode root = JSON.readTree(body.getBytes());
                JsonNode list = root.isArray() ? root : root.has("batch") ? root.get("batch") : null;
                if (list == null) events.add(root); else list.forEach(events::add);
            } catch (Exception e) {
                answer(req, 400, "{\"success\":false,\"error\":\"malformed JSON\"}");
                return;
            }
            List<Future<Void>> sends = new ArrayList<>();
            for (JsonNode event : events) {
                if ("track".equals(event.path("type").asText()) && event.hasNonNull("event")
                        && !"Experiment Viewed".equals(event.get("event").asText())) {
                    sends.add(send(event));
                }
            }
            Future.all(sends).onComplete(done -> answer(req, done.succeeded() ? 200 : 503,
                    done.succeeded() ? "{\"success\":true}" : "{\"success\":false}"));
        });
    }

    /** One goal, as the bridge builds it with ABSMARTLY_TIMESTAMPS=event and the default unit mapping. */
    private Future<Void> send(JsonNode event) {
        long ts = timestamp(event.get("timestamp"));
        ObjectNode publish = JSON.createObjectNode().put("historic", true).put("publishedAt", ts);
        ArrayNode units = publish.putArray("units");
        for (String unitPath : UNIT_PATHS) {
            JsonNode uid = event.get(unitPath);
            if (uid != null && (uid.isNumber() || uid.isTextual() && !uid.asText().isBlank())) {
                units.addObject().put("type", unitPath).put("uid", uid.asText());
            }
        }
        JsonNode properties = event.get("properties");
        publish.putArray("goals").addObject().put("name", event.get("event").asText()).put("achievedAt", ts)
                .set("properties", properties == null ? NullNode.getInstance() : properties);
        JsonNode library = event.path("context").path("library").path("name");
        Buffer body;
        try {
            body = Buffer.buffer(JSON.writeValueAsBytes(publish));
        } catch (Exception e) {
            return Future.failedFuture(e);
        }
        return client.putAbs(contextUrl)
                .putHeader("Content-Type", "application/json")
                .putHeader("X-API-Key", apiKey)
                .putHeader("X-Environment", environment)
                .putHeader("X-Agent", library.isTextual() ? library.asText() : "segment")
                .sendBuffer(body)
                .compose(resp -> resp.statusCode() / 100 == 2 ? Future.succeededFuture()
                        : Future.failedFuture("Collector answered " + resp.statusCode()));
    }

    private static long timestamp(JsonNode ts) {
        if (ts != null && ts.isNumber()) return ts.asLong();
        if (ts != null && ts.isTextual()) return OffsetDateTime.parse(ts.asText()).toInstant().toEpochMilli();
        return System.currentTimeMillis();
    }

    private static void answer(HttpServerRequest req, int status, String body) {
        req.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
