package io.github.segmentabsmartly.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.dedup.DedupRepository;
import io.github.segmentabsmartly.bridge.delivery.BatchCallAccepted;
import io.github.segmentabsmartly.bridge.delivery.BatchCallRequest;
import io.github.segmentabsmartly.bridge.delivery.CollectorAnswer;
import io.github.segmentabsmartly.bridge.delivery.CollectorBatchCalls;
import io.github.segmentabsmartly.bridge.delivery.CollectorCallMetrics;
import io.github.segmentabsmartly.bridge.delivery.CollectorFailureOutcome;
import io.github.segmentabsmartly.bridge.delivery.CollectorHttpClient;
import io.github.segmentabsmartly.bridge.delivery.CollectorRequest;
import io.github.segmentabsmartly.bridge.delivery.CollectorRetryPolicy;
import io.github.segmentabsmartly.bridge.delivery.DeadLetterLine;
import io.github.segmentabsmartly.bridge.delivery.DeliveryBudget;
import io.github.segmentabsmartly.bridge.delivery.EverySentInBatch;
import io.github.segmentabsmartly.bridge.delivery.FileNotWrittenOutcome;
import io.github.segmentabsmartly.bridge.delivery.HeldEventsNotDelivered;
import io.github.segmentabsmartly.bridge.delivery.HeldOutcomes;
import io.github.segmentabsmartly.bridge.delivery.HoldForCollectorBatch;
import io.github.segmentabsmartly.bridge.delivery.OutboxLine;
import io.github.segmentabsmartly.bridge.delivery.ResumeHeldEvent;
import io.github.segmentabsmartly.bridge.event.EventCheck;
import io.github.segmentabsmartly.bridge.event.IntegrationsOptOut;
import io.github.segmentabsmartly.bridge.health.CollectorHealthCheck;
import io.github.segmentabsmartly.bridge.health.DataDirHealthCheck;
import io.github.segmentabsmartly.bridge.health.RouteReloadHealthCheck;
import io.github.segmentabsmartly.bridge.ingest.BodyAuth;
import io.github.segmentabsmartly.bridge.ingest.IngestAuth;
import io.github.segmentabsmartly.bridge.ingest.IngestCapacity;
import io.github.segmentabsmartly.bridge.ingest.InternalErrorAnswer;
import io.github.segmentabsmartly.bridge.ingest.RequestBody;
import io.github.segmentabsmartly.bridge.ingest.RequestRejectedAnswer;
import io.github.segmentabsmartly.bridge.ingest.SegmentRequestReader;
import io.github.segmentabsmartly.bridge.ingest.SenderAnswer;
import io.github.segmentabsmartly.bridge.outcome.MarkDelivered;
import io.github.segmentabsmartly.bridge.outcome.MarkDryRun;
import io.github.segmentabsmartly.bridge.outcome.MarkDuplicate;
import io.github.segmentabsmartly.bridge.outcome.MarkIgnored;
import io.github.segmentabsmartly.bridge.outcome.MarkQueued;
import io.github.segmentabsmartly.bridge.outcome.MarkRejected;
import io.github.segmentabsmartly.bridge.outcome.OutcomeCollector;
import io.github.segmentabsmartly.bridge.outcome.OutcomeMetrics;
import io.github.segmentabsmartly.bridge.publish.DeviceClockCorrection;
import io.github.segmentabsmartly.bridge.publish.ExposurePublishBody;
import io.github.segmentabsmartly.bridge.publish.GoalPublishBody;
import io.github.segmentabsmartly.bridge.publish.HashUnits;
import io.github.segmentabsmartly.bridge.publish.PageGoalName;
import io.github.segmentabsmartly.bridge.publish.ScreenGoalName;
import io.github.segmentabsmartly.bridge.publish.TrackGoalName;
import io.github.segmentabsmartly.bridge.queue.CommitOffset;
import io.github.segmentabsmartly.bridge.queue.QueueFailureOutcome;
import io.github.segmentabsmartly.bridge.queue.QueueLine;
import io.github.segmentabsmartly.bridge.queue.QueueTopics;
import io.github.segmentabsmartly.bridge.queue.QueuedEvent;
import io.github.segmentabsmartly.bridge.queue.ReadAgainOrDeadLetter;
import io.github.segmentabsmartly.bridge.replay.ReplayFileFilter;
import io.github.segmentabsmartly.bridge.replay.ReplayFileLines;
import io.github.segmentabsmartly.bridge.replay.ReplayLeftover;
import io.github.segmentabsmartly.bridge.replay.ReplayLineEvent;
import io.github.segmentabsmartly.bridge.settings.BridgeSettings;
import io.github.segmentabsmartly.bridge.sink.SinkEventReader;
import io.github.segmentabsmartly.bridge.sink.SinkOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxOptions;
import java.beans.Introspector;
import java.nio.file.Path;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.MicrometerUtils;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds what the routes name, each bean under its class's name ({@code eventCheck} is an EventCheck): the processors
 * of the per-event routes, which an application embedding the bridge gets too (AbsmartlyRoutes), and those of ingest,
 * replay, kafka mode, health and metrics. Found through camel.main.configuration-classes, by the bridge's own Main and
 * by Camel JBang alike.
 */
public class BridgeBeans implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeBeans.class);
    /** The threads the events of an array or batch are handled on (ingest.yaml, delivery.yaml). */
    static final String DELIVERY_THREADS = "absmartlyDelivery";

    @Override
    public void configure(CamelContext context) throws Exception {
        BridgeSettings settings = settingsOf(context);
        settings.requireIngestNotOpenToAll();
        ObjectMapper mapper = BridgeJson.mapper();
        Registry registry = context.getRegistry();
        // the HTTP servers' Vert.x: a worker thread a request, from its start to its answer
        bind(registry, new VertxOptions().setWorkerPoolSize(settings.ingestThreads()));
        MeterRegistry meters = meterRegistry(registry);
        bind(registry, new OutcomeMetrics(meters));
        IdempotentRepository dedup = bindPerEvent(context, settings, mapper, meters);
        IngestCapacity capacity = new IngestCapacity(settings.requestLimits().maxBytesInFlight(),
                settings.ingestThreads() / 2);
        bind(registry, new IngestAuth(settings.ingestAuth()));
        bind(registry, new RequestBody(settings.requestLimits(), capacity));
        bind(registry, new BodyAuth(settings.ingestAuth()));
        bind(registry, new SegmentRequestReader(mapper, settings.requestLimits()));
        bind(registry, new SenderAnswer(mapper, settings.deliveryPolicy().senderRetryAfter().toSeconds()));
        bind(registry, new RequestRejectedAnswer(mapper));
        bind(registry, new InternalErrorAnswer(mapper));
        bind(registry, new ReplayFileFilter());
        bind(registry, ReplayFileLines.forEventsOf(settings.requestLimits().maxEventBytes()));
        bind(registry, new ReplayLineEvent(mapper, dedup));
        bind(registry, new ReplayLeftover(mapper));
        bind(registry, new QueueLine(mapper));
        bind(registry, new MarkQueued());
        bind(registry, new QueuedEvent(mapper, dedup));
        bind(registry, new CommitOffset());
        bind(registry, new ReadAgainOrDeadLetter(settings.queue().internalErrorRetry()));
        RouteReloadHealthCheck routeReload = bindHealthChecks(context, settings);
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarting(CamelContext starting, boolean alreadyStarted) throws Exception {
                // before the routes start, so that none of them reads or writes a topic that is not there
                if (settings.queue().isKafka()) {
                    QueueTopics.ensure(starting, settings.queue(), settings.dedup());
                }
            }

            @Override
            public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                // Camel's route watcher exists only once the context has fully started
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) {
                routeReload.watch();
            }
        });
        logHowItRuns(context, settings);
    }

    /**
     * Binds the processors of the per-event routes (events.yaml, delivery.yaml, errors.yaml, sink.yaml) and the
     * threads they hand the events of a batch to, and returns the deduplication store.
     */
    static IdempotentRepository bindPerEvent(CamelContext context, BridgeSettings settings, ObjectMapper mapper,
            MeterRegistry meters) {
        context.getExecutorServiceManager().registerThreadPoolProfile(new ThreadPoolProfileBuilder(DELIVERY_THREADS)
                .poolSize(settings.deliveryParallelism()).maxPoolSize(settings.deliveryParallelism())
                .maxQueueSize(-1).build());
        Registry registry = context.getRegistry();
        DedupRepository dedup = new DedupRepository(settings.dedup(), settings.queue(), context);
        CollectorCallMetrics callMetrics = new CollectorCallMetrics(meters);
        bind(registry, dedup);
        bind(registry, new OutcomeCollector(dedup));
        bind(registry, new EventCheck(mapper));
        bind(registry, new DeviceClockCorrection());
        bind(registry, new IntegrationsOptOut(settings.integrationNames()));
        bind(registry, new MarkDelivered());
        bind(registry, new MarkDryRun());
        bind(registry, new MarkDuplicate());
        bind(registry, new MarkIgnored());
        bind(registry, new MarkRejected());
        bind(registry, new TrackGoalName(settings.goalMapping()));
        bind(registry, new PageGoalName(settings.pageGoalFormat()));
        bind(registry, new ScreenGoalName(settings.screenGoalFormat()));
        bind(registry, new GoalPublishBody(settings.unitMapping(), settings.timestampMode()));
        bind(registry, new ExposurePublishBody(settings.timestampMode()));
        bind(registry, new HashUnits());
        bind(registry, new CollectorRequest(settings, mapper));
        DeliveryBudget budget = new DeliveryBudget(settings.deliveryPolicy());
        bind(registry, budget);
        bind(registry, callMetrics);
        bind(registry, new CollectorHttpClient());
        bind(registry, new CollectorAnswer(mapper, callMetrics));
        bind(registry, new CollectorRetryPolicy(settings.deliveryPolicy(), budget, callMetrics));
        bind(registry, new CollectorFailureOutcome());
        bind(registry, new DeadLetterLine(mapper));
        bind(registry, new OutboxLine(mapper));
        bind(registry, new FileNotWrittenOutcome());
        bind(registry, new HoldForCollectorBatch());
        bind(registry, new CollectorBatchCalls(budget));
        bind(registry, new BatchCallRequest());
        bind(registry, new BatchCallAccepted());
        bind(registry, new EverySentInBatch());
        bind(registry, new ResumeHeldEvent());
        bind(registry, new HeldOutcomes());
        bind(registry, new HeldEventsNotDelivered(dedup));
        bind(registry, new SinkEventReader(mapper, settings.requestLimits().maxEventBytes()));
        bind(registry, new SinkOutcome());
        bind(registry, new QueueFailureOutcome());
        return dedup;
    }

    static BridgeSettings settingsOf(CamelContext context) {
        return BridgeSettings.from(key -> context.getPropertiesComponent().resolveProperty(key).orElse(null));
    }

    /**
     * Binds a bean under its class's name. In an application of its own the registry may hold a bean of that name
     * already; binding over it would break the application's routes, or leave the bridge's calling the wrong bean.
     */
    static void bind(Registry registry, Object bean) {
        String name = Introspector.decapitalize(bean.getClass().getSimpleName());
        if (registry.lookupByName(name) != null) {
            throw new IllegalStateException("a bean named " + name + " is bound already, and the bridge's routes refer"
                    + " to one of their own by that name: bind yours under another name");
        }
        registry.bind(name, bean);
    }

    /** The registry camel-micrometer-prometheus scrapes (bound here when it is not yet). */
    private static MeterRegistry meterRegistry(Registry registry) {
        MeterRegistry meters = boundMeterRegistry(registry);
        if (meters == null) {
            meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            registry.bind(MicrometerConstants.METRICS_REGISTRY_NAME, meters);
        }
        return meters;
    }

    /** An embedding application's registry, or one of the bridge's own that nobody scrapes. */
    static MeterRegistry meterRegistryOrOwn(Registry registry) {
        MeterRegistry meters = boundMeterRegistry(registry);
        return meters != null ? meters : new SimpleMeterRegistry();
    }

    private static MeterRegistry boundMeterRegistry(Registry registry) {
        return MicrometerUtils.getMeterRegistryFromCamelRegistry(registry, MicrometerConstants.METRICS_REGISTRY_NAME);
    }

    /**
     * The readiness checks (found by Camel's health-check registry in the bean registry): the data directory's, the
     * route reload's, and the Collector's for an instance that delivers: an ingest-only instance of kafka mode must
     * stay ready while the Collector is down.
     */
    private static RouteReloadHealthCheck bindHealthChecks(CamelContext context, BridgeSettings settings) {
        Registry registry = context.getRegistry();
        DataDirHealthCheck dataDir = new DataDirHealthCheck(
                Path.of(context.resolvePropertyPlaceholders("{{bridge.data-dir}}")), settings.healthDetails());
        dataDir.setCamelContext(context);
        bind(registry, dataDir);
        if (!settings.queue().isKafka() || settings.queue().consumesTopic()) {
            CollectorHealthCheck collector = new CollectorHealthCheck(settings);
            collector.setCamelContext(context);
            bind(registry, collector);
        }
        RouteReloadHealthCheck routeReload = new RouteReloadHealthCheck();
        routeReload.setCamelContext(context);
        bind(registry, routeReload);
        return routeReload;
    }

    private static void logHowItRuns(CamelContext context, BridgeSettings settings) {
        if (settings.ingestAuth().isOpen() && settings.queue().ingests()) {
            LOG.warn("open ingest: anyone who can reach this port can send events (set SEGMENT_WRITE_KEYS,"
                    + " SEGMENT_SHARED_SECRETS or INGEST_TOKENS)");
        }
        if (settings.isDryRun()) {
            LOG.warn("DRY RUN: ABSMARTLY_COLLECTOR_ENDPOINT is not set, so nothing is sent to ABsmartly; every"
                    + " Collector request is written to {}/outbox instead",
                    context.resolvePropertyPlaceholders("{{bridge.data-dir}}"));
        } else {
            LOG.info("Delivering to {} (environment {})", settings.collectorEndpoint(), settings.environment());
        }
    }
}
