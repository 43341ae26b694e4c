package io.github.segmentabsmartly.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.delivery.CollectorCallMetrics;
import io.github.segmentabsmartly.bridge.health.CollectorHealthCheck;
import io.github.segmentabsmartly.bridge.health.DataDirHealthCheck;
import io.github.segmentabsmartly.bridge.health.RouteReloadHealthCheck;
import io.github.segmentabsmartly.bridge.ingest.AwaitEventTurn;
import io.github.segmentabsmartly.bridge.ingest.BridgeHttpEngine;
import io.github.segmentabsmartly.bridge.ingest.HeldEventsNotDelivered;
import io.github.segmentabsmartly.bridge.ingest.InFlightLimit;
import io.github.segmentabsmartly.bridge.ingest.InternalErrorAnswer;
import io.github.segmentabsmartly.bridge.ingest.IngestAuth;
import io.github.segmentabsmartly.bridge.ingest.OutcomeCollector;
import io.github.segmentabsmartly.bridge.ingest.OutcomeMetrics;
import io.github.segmentabsmartly.bridge.ingest.OversizedBodyAnswer;
import io.github.segmentabsmartly.bridge.ingest.RequestBody;
import io.github.segmentabsmartly.bridge.ingest.SegmentRequestReader;
import io.github.segmentabsmartly.bridge.ingest.SenderAnswer;
import io.github.segmentabsmartly.bridge.ingest.ServerEventLoops;
import io.github.segmentabsmartly.bridge.ingest.EventOutcome.Kind;
import io.github.segmentabsmartly.bridge.ingest.RecordOutcome;
import io.github.segmentabsmartly.bridge.queue.CommitOffset;
import io.github.segmentabsmartly.bridge.queue.QueueLine;
import io.github.segmentabsmartly.bridge.queue.QueueTopics;
import io.github.segmentabsmartly.bridge.queue.QueuedEvent;
import io.github.segmentabsmartly.bridge.queue.ReadAgainOrDeadLetter;
import io.github.segmentabsmartly.bridge.replay.HaltReplayOnCollectorAway;
import io.github.segmentabsmartly.bridge.replay.ReplayFileReader;
import io.github.segmentabsmartly.bridge.replay.ReplayLeftovers;
import io.github.segmentabsmartly.bridge.replay.ReplaySource;
import io.github.segmentabsmartly.bridge.replay.SkipWhenReplayHalted;
import io.github.segmentabsmartly.bridge.routes.PreconditionChoiceGuard;
import io.github.segmentabsmartly.bridge.settings.BridgeSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.MicrometerUtils;
import org.apache.camel.component.platform.http.PlatformHttpConstants;
import org.apache.camel.model.Model;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds, under the names the routes use, the settings and the processors built from them: those of the
 * per-event routes ({@link DeliveryBeans}) and those of ingest and replay.
 */
public class BridgeBeans implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeBeans.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        BridgeSettings settings =
                BridgeSettings.from(key -> context.getPropertiesComponent().resolveProperty(key).orElse(null));
        ObjectMapper mapper = BridgeJson.mapper();
        Registry registry = context.getRegistry();
        // before the HTTP servers start: they take the Vert.x and the engine they find in the registry
        SharedVertx.of(context, settings.ingestEventLoops());
        registry.bind(PlatformHttpConstants.PLATFORM_HTTP_ENGINE_NAME,
                new BridgeHttpEngine(settings.ingestRunsOnEventLoop()));
        // before the routes are loaded, so that it sees each of them, at start and at every reload
        context.getCamelContextExtension().getContextPlugin(Model.class)
                .addModelLifecycleStrategy(new PreconditionChoiceGuard());
        CollectorCallMetrics callMetrics = bindHealthAndMetrics(context, settings);
        IdempotentRepository dedupRepository = DeliveryBeans.bind(context, settings, mapper, callMetrics);
        registry.bind("requestBody", new RequestBody(settings.requestLimits().maxBodyBytes()));
        registry.bind("segmentRequestReader", new SegmentRequestReader(mapper, settings.requestLimits()));
        registry.bind("ingestAuth", new IngestAuth(settings.ingestAuth()));
        long senderRetryAfter = settings.deliveryPolicy().senderRetryAfter().toSeconds();
        registry.bind("senderAnswer", new SenderAnswer(mapper, senderRetryAfter));
        registry.bind("heldEventsNotDelivered", new HeldEventsNotDelivered(dedupRepository));
        registry.bind("internalErrorAnswer", new InternalErrorAnswer(mapper));
        // twice a loop's share of the Collector connections: its next events are ready while its calls are out
        registry.bind("awaitEventTurn",
                new AwaitEventTurn(2 * settings.collectorConnection().perEventLoop(settings.ingestEventLoops())));
        registry.bind("replayFileReader", new ReplayFileReader(mapper));
        registry.bind("replayLeftovers", new ReplayLeftovers(mapper));
        registry.bind("replaySource", new ReplaySource(dedupRepository));
        registry.bind("skipWhenReplayHalted", new SkipWhenReplayHalted());
        registry.bind("replayOutcomes", new HaltReplayOnCollectorAway(new OutcomeCollector(dedupRepository)));
        registry.bind("queueLine", new QueueLine(mapper));
        registry.bind("markQueued", new RecordOutcome(Kind.QUEUED));
        registry.bind("queuedEvent", new QueuedEvent(mapper, dedupRepository));
        registry.bind("commitOffset", new CommitOffset());
        registry.bind("readAgainOrDeadLetter", new ReadAgainOrDeadLetter(settings.queue().internalErrorRetry()));
        RouteReloadHealthCheck routeReloadCheck = new RouteReloadHealthCheck();
        routeReloadCheck.setCamelContext(context);
        registry.bind("routeReloadHealthCheck", routeReloadCheck);
        int port = Integer.parseInt(context.resolvePropertyPlaceholders("{{camel.server.port}}"));
        context.addStartupListener(new ExtendedStartupListener() {
            @Override
            public void onCamelContextStarting(CamelContext starting, boolean alreadyStarted) throws Exception {
                // before the routes start, so that none of them reads or writes a topic that is not there
                if (settings.queue().isKafka()) {
                    QueueTopics.ensure(starting, settings.queue(), settings.dedup());
                }
            }

            @Override
            public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                // the HTTP server's router exists only once the context has fully started
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) throws Exception {
                routeReloadCheck.watch();
                InFlightLimit.install(started, port, settings.requestLimits().maxInFlight());
                OversizedBodyAnswer.install(started, port, settings.requestLimits().maxBodyBytes());
                if (settings.ingestRunsOnEventLoop()) {
                    ServerEventLoops.install(started, port, settings.ingestEventLoops());
                }
            }
        });
        if (settings.ingestAuth().isOpen()) {
            LOG.warn("open ingest: anyone who can reach this port can send events (set SEGMENT_WRITE_KEYS,"
                    + " SEGMENT_SHARED_SECRETS or INGEST_TOKENS)");
        }
        if (settings.isDryRun()) {
            LOG.warn("DRY RUN: ABSMARTLY_COLLECTOR_ENDPOINT is not set, so nothing is sent to ABsmartly; every"
                    + " Collector request is written to {}/outbox instead",
                    context.resolvePropertyPlaceholders("{{bridge.data-dir}}"));
        } else {
            LOG.info("Delivering to {} (environment {}){}{}", settings.collectorContextUrl(), settings.environment(),
                    settings.collectorBatch() ? ", the events of arrays and batches in /context/batch calls" : "",
                    settings.ingestRunsOnEventLoop()
                            ? ", HTTP routes on " + settings.ingestEventLoops() + " event loop(s)" : "");
        }
    }

    /**
     * The readiness checks (found by Camel's health-check registry in the bean registry): the data directory's, and
     * the Collector's for an instance that delivers: an ingest-only instance of kafka mode must stay ready while the
     * Collector is down.
     * And the bridge's metrics, in the Micrometer registry that camel-micrometer-prometheus scrapes; the Collector
     * call's are returned, for the call to report to.
     */
    private static CollectorCallMetrics bindHealthAndMetrics(CamelContext context, BridgeSettings settings) {
        Registry registry = context.getRegistry();
        DataDirHealthCheck dataDirCheck =
                new DataDirHealthCheck(Path.of(context.resolvePropertyPlaceholders("{{bridge.data-dir}}")));
        dataDirCheck.setCamelContext(context);
        registry.bind("dataDirHealthCheck", dataDirCheck);
        if (!settings.queuesEvents() || settings.consumesTopic()) {
            CollectorHealthCheck collectorCheck = new CollectorHealthCheck(settings);
            collectorCheck.setCamelContext(context);
            registry.bind("collectorHealthCheck", collectorCheck);
        }
        MeterRegistry meters = MicrometerUtils.getMeterRegistryFromCamelRegistry(
                registry, MicrometerConstants.METRICS_REGISTRY_NAME);
        if (meters == null) {
            meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            registry.bind(MicrometerConstants.METRICS_REGISTRY_NAME, meters);
        }
        registry.bind(OutcomeMetrics.NAME, new OutcomeMetrics(meters));
        return new CollectorCallMetrics(meters);
    }
}
