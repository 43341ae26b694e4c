package io.github.segmentabsmartly.bridge.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.segmentabsmartly.bridge.settings.BridgeSettings;
import io.github.segmentabsmartly.bridge.support.CollectorStandIn;
import io.github.segmentabsmartly.bridge.support.RunningBridge;
import io.github.segmentabsmartly.bridge.support.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The readiness check's answer is reused for its cache time: a storm of probes makes one Collector call. */
class CollectorHealthCheckTest {

    CollectorStandIn collector;
    DefaultCamelContext context;
    AtomicLong nanos = new AtomicLong();
    CollectorHealthCheck check;

    @BeforeEach
    void start() throws Exception {
        collector = new CollectorStandIn();
        context = new DefaultCamelContext();
        BridgeSettings settings = Settings.of(Map.of(
                "absmartly.collector-endpoint", collector.endpoint(),
                "absmartly.api-key", RunningBridge.API_KEY,
                "absmartly.environment", "production",
                "bridge.health.collector-cache-ms", "5000"));
        check = new CollectorHealthCheck(settings, nanos::get);
        check.setCamelContext(context);
    }

    @AfterEach
    void stop() throws Exception {
        collector.close();
        context.close();
    }

    @Test
    void probesWithinTheCacheTimeShareOneCollectorCall() throws Exception {
        ExecutorService probes = Executors.newFixedThreadPool(20);
        try {
            List<Callable<HealthCheck.Result>> storm = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                storm.add(check::call);
            }
            for (Future<HealthCheck.Result> result : probes.invokeAll(storm)) {
                assertEquals(HealthCheck.State.UP, result.get().getState());
            }
        } finally {
            probes.shutdown();
        }
        assertEquals(1, collector.authChecks().size());

        nanos.addAndGet(Duration.ofMillis(4999).toNanos());
        check.call();
        assertEquals(1, collector.authChecks().size(), "asked again within the cache time");

        collector.requireApiKey("another-key");
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        HealthCheck.Result afterCache = check.call();
        assertEquals(2, collector.authChecks().size());
        assertEquals(HealthCheck.State.DOWN, afterCache.getState());
    }
}
