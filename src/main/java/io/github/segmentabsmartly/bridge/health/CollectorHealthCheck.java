package io.github.segmentabsmartly.bridge.health;

import io.github.segmentabsmartly.bridge.delivery.CollectorRequest;
import io.github.segmentabsmartly.bridge.settings.BridgeSettings;
import io.github.segmentabsmartly.bridge.settings.CollectorCheck;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness: whether the Collector takes the bridge's API key and environment, asked as Segment's ABsmartly
 * (Actions) destination tests its connection: {@code GET {endpoint}/context/authed} with X-API-Key and
 * X-Environment. An answer is reused for a while, so that a storm of probes makes one call. In a dry run there
 * is no Collector to ask, and the bridge is ready.
 */
public final class CollectorHealthCheck extends ReadinessCheck {

    public static final String ID = "collector";
    static final String DRY_RUN = "dry run: ABSMARTLY_COLLECTOR_ENDPOINT is not set, so nothing is sent to"
            + " ABsmartly; events are written to the outbox";

    private static final Logger LOG = LoggerFactory.getLogger("bridge.health");

    private final BridgeSettings settings;
    private final CollectorCheck check;
    private final URI authedUrl;
    private final String shownUrl;
    private final LongSupplier nanoClock;
    /**
     * Made for the first probe, not at start: making one loads the JVM's TLS support and CA certificates, about 0.1 s
     * of the bridge's start on a slow machine. Like {@link #last}, only touched under AbstractHealthCheck's lock.
     */
    private HttpClient client;
    /** The last answer and when it was asked; only touched under the lock AbstractHealthCheck holds. */
    private Probe last;

    public CollectorHealthCheck(BridgeSettings settings) {
        this(settings, System::nanoTime);
    }

    CollectorHealthCheck(BridgeSettings settings, LongSupplier nanoClock) {
        super(ID);
        this.settings = settings;
        this.check = settings.collectorCheck();
        this.nanoClock = nanoClock;
        String url = settings.collectorEndpoint() + "/context/authed";
        this.authedUrl = settings.isDryRun() ? null : URI.create(url);
        this.shownUrl = URISupport.sanitizeUri(url);
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (settings.isDryRun()) {
            builder.up().message(DRY_RUN);
            return;
        }
        long now = nanoClock.getAsLong();
        Probe probe = last;
        if (probe == null || now - probe.atNanos() >= check.cacheFor().toNanos()) {
            probe = ask(now);
            logChange(last, probe);
            last = probe;
        }
        builder.state(probe.up() ? State.UP : State.DOWN).message(probe.message());
        if (settings.healthDetails()) {
            builder.detail("collector.url", shownUrl);
            if (probe.status() != null) {
                builder.detail("collector.status", probe.status());
            }
        }
    }

    private Probe ask(long now) {
        HttpRequest request = HttpRequest.newBuilder(authedUrl)
                .timeout(check.timeout())
                .header(CollectorRequest.API_KEY_HEADER, settings.apiKey())
                .header("X-Environment", settings.environment())
                .GET()
                .build();
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(check.timeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Probe(now, status >= 200 && status < 300, status, messageFor(status));
        } catch (HttpTimeoutException slow) {
            return new Probe(now, false, null,
                    "no answer from the Collector within " + check.timeout().toMillis() + " ms");
        } catch (IOException unreachable) {
            return new Probe(now, false, null, "cannot reach the Collector: " + unreachable.getClass().getSimpleName());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return new Probe(now, false, null, "interrupted while asking the Collector");
        }
    }

    /**
     * Camel's health endpoint escapes a slash in a message twice over: messages have none, the URL is in the log. Nor
     * the environment: whoever reaches the management port is told the state, not the configuration.
     */
    private String messageFor(int status) {
        if (status >= 200 && status < 300) {
            return "the Collector accepted the API key and environment";
        }
        if (status == 401 || status == 403) {
            return "the Collector answered HTTP " + status + ": API key or environment rejected"
                    + " (check ABSMARTLY_API_KEY and ABSMARTLY_ENVIRONMENT)";
        }
        if (status == 404) {
            return "the Collector answered HTTP 404: check ABSMARTLY_COLLECTOR_ENDPOINT, which usually ends in v1";
        }
        return "the Collector answered HTTP " + status;
    }

    private void logChange(Probe before, Probe now) {
        if (before != null && before.up() == now.up() && before.message().equals(now.message())) {
            return;
        }
        if (now.up()) {
            LOG.info("Ready: {} ({})", now.message(), shownUrl);
        } else {
            LOG.warn("Not ready: {} ({})", now.message(), shownUrl);
        }
    }

    private record Probe(long atNanos, boolean up, Integer status, String message) {
    }
}
