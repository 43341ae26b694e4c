package io.github.segmentabsmartly.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.dedup.DedupStores;
import io.github.segmentabsmartly.bridge.delivery.CollectorFailureOutcome;
import io.github.segmentabsmartly.bridge.delivery.CollectorBatchCall;
import io.github.segmentabsmartly.bridge.delivery.CollectorCall;
import io.github.segmentabsmartly.bridge.delivery.CollectorCallObserver;
import io.github.segmentabsmartly.bridge.delivery.CollectorFirstAttempt;
import io.github.segmentabsmartly.bridge.delivery.CollectorRequest;
import io.github.segmentabsmartly.bridge.delivery.CollectorRetryPolicy;
import io.github.segmentabsmartly.bridge.delivery.DeadLetterLine;
import io.github.segmentabsmartly.bridge.delivery.DeliveryClock;
import io.github.segmentabsmartly.bridge.delivery.EventLoopFirstExecutor;
import io.github.segmentabsmartly.bridge.delivery.FileNotWrittenOutcome;
import io.github.segmentabsmartly.bridge.delivery.HoldForCollectorBatch;
import io.github.segmentabsmartly.bridge.delivery.OutboxLine;
import io.github.segmentabsmartly.bridge.delivery.ResumeHeldEvent;
import io.github.segmentabsmartly.bridge.ingest.EventCheck;
import io.github.segmentabsmartly.bridge.ingest.EventOutcome.Kind;
import io.github.segmentabsmartly.bridge.ingest.HeldOutcomes;
import io.github.segmentabsmartly.bridge.ingest.IgnoreEvent;
import io.github.segmentabsmartly.bridge.ingest.OneEventOutcome;
import io.github.segmentabsmartly.bridge.ingest.OutcomeCollector;
import io.github.segmentabsmartly.bridge.ingest.RecordOutcome;
import io.github.segmentabsmartly.bridge.ingest.RequestRejectedAnswer;
import io.github.segmentabsmartly.bridge.publish.ExposurePublishBody;
import io.github.segmentabsmartly.bridge.publish.GoalPublishBody;
import io.github.segmentabsmartly.bridge.publish.HashUnits;
import io.github.segmentabsmartly.bridge.publish.TrackGoalName;
import io.github.segmentabsmartly.bridge.publish.ViewGoalName;
import io.github.segmentabsmartly.bridge.queue.QueueFailureOutcome;
import io.github.segmentabsmartly.bridge.settings.BridgeSettings;
import io.github.segmentabsmartly.bridge.sink.SinkEventReader;
import io.github.segmentabsmartly.bridge.sink.SinkOutcome;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.builder.PredicateBuilder;

/**
 * Binds, under the names they refer to, what the per-event routes need (errors, events, delivery and sink
 * YAML): the settings, the deduplication store and the processors. The standalone bridge and an embedding
 * Camel application ({@link AbsmartlyRoutes}) share it.
 */
final class DeliveryBeans {

    private DeliveryBeans() {
    }

    /**
     * Binds them, and returns the deduplication store (ingest and replay use it too).
     *
     * @param callObserver told of each Collector call and retry (the bridge's metrics; none when embedded)
     */
    static IdempotentRepository bind(CamelContext context, BridgeSettings settings, ObjectMapper mapper,
            CollectorCallObserver callObserver) throws Exception {
        Registry registry = context.getRegistry();
        bindOwn(registry, "absmartlySettings", settings);
        // a Predicate bean: the ref language calls it directly, where a method call on the settings is reflection
        bindOwn(registry, "absmartlyDryRun", PredicateBuilder.constant(settings.isDryRun()));
        bindOwn(registry, "absmartlyQueuesEvents", PredicateBuilder.constant(settings.queuesEvents()));
        IdempotentRepository dedupRepository = DedupStores.create(settings.dedup(), settings.queue(), context);
        bindOwn(registry, "dedupRepository", dedupRepository);
        bindOwn(registry, "outcomeCollector", new OutcomeCollector(dedupRepository));
        bindOwn(registry, "oneEventOutcome", new OneEventOutcome(dedupRepository));
        bindOwn(registry, "deliveryClock", new DeliveryClock(settings.deliveryPolicy()));
        bindOwn(registry, "eventCheck", new EventCheck());
        bindOwn(registry, "requestRejectedAnswer", new RequestRejectedAnswer(mapper));
        bindOwn(registry, "markDelivered", new RecordOutcome(Kind.DELIVERED));
        bindOwn(registry, "markDryRun", new RecordOutcome(Kind.DRY_RUN));
        bindOwn(registry, "markIgnored", IgnoreEvent.byRoute());
        bindOwn(registry, "markPageTrackingOff", IgnoreEvent.because("page_tracking_off",
                "page view tracking is off (ABSMARTLY_ENABLE_PAGE_VIEW_TRACKING)"));
        bindOwn(registry, "markScreenTrackingOff", IgnoreEvent.because("screen_tracking_off",
                "screen view tracking is off (ABSMARTLY_ENABLE_SCREEN_VIEW_TRACKING)"));
        bindOwn(registry, "markExposureTrackingOff", IgnoreEvent.because("exposure_tracking_off",
                "exposure tracking is off (ABSMARTLY_ENABLE_EXPOSURE_TRACKING)"));
        bindOwn(registry, "markDuplicate", new RecordOutcome(Kind.DUPLICATE));
        bindOwn(registry, "markRejected", new RecordOutcome(Kind.REJECTED));
        bindOwn(registry, "trackGoalName", new TrackGoalName(settings.goalMapping()));
        bindOwn(registry, "pageGoalName", new ViewGoalName("page", settings.pageGoalFormat()));
        bindOwn(registry, "screenGoalName", new ViewGoalName("screen", settings.screenGoalFormat()));
        bindOwn(registry, "goalPublishBody", new GoalPublishBody(settings.unitMapping(), settings.timestampMode()));
        bindOwn(registry, "exposurePublishBody", new ExposurePublishBody(settings.timestampMode()));
        bindOwn(registry, "hashUnits", new HashUnits());
        bindOwn(registry, "collectorRequest", new CollectorRequest(settings, mapper));
        int eventLoops = settings.ingestEventLoops();
        CollectorCall collectorCall = new CollectorCall(SharedVertx.of(context, eventLoops),
                settings.collectorConnection(), eventLoops, callObserver);
        bindOwn(registry, "collectorCall", collectorCall);
        bindOwn(registry, "collectorFirstAttempt", new CollectorFirstAttempt(collectorCall));
        bindOwn(registry, "batchDeliveryPool", new EventLoopFirstExecutor(context.getExecutorServiceManager()
                .newFixedThreadPool(DeliveryBeans.class, "batch-delivery",
                        settings.deliveryPolicy().batchParallelism())));
        bindOwn(registry, "holdForCollectorBatch", new HoldForCollectorBatch());
        bindOwn(registry, "collectorBatchCall", new CollectorBatchCall(collectorCall, settings.collectorEndpoint(),
                callObserver));
        bindOwn(registry, "resumeHeldEvent", new ResumeHeldEvent());
        bindOwn(registry, "heldOutcomes", new HeldOutcomes());
        // errors.yaml's Collector retries: collectorRetryPolicy decides each one and its wait, as a timer (the thread
        // may be an event loop). A bean rather than options in the YAML: Camel parses inline options again on every
        // failure, two of them through a type-converter lookup that scans every converter (45% of the CPU of an
        // event the Collector refused).
        bindOwn(registry, "collectorRedeliveryPolicy", new RedeliveryPolicy().maximumRedeliveries(-1).redeliveryDelay(0)
                .asyncDelayedRedelivery().logRetryAttempted(false).logExhausted(false));
        // errors.yaml's EventNotDeliveredException: the caller keeps the event, and its outcome is logged already
        bindOwn(registry, "unloggedFailurePolicy", new RedeliveryPolicy().logExhausted(false).logStackTrace(false));
        bindOwn(registry, "collectorRetryPolicy", new CollectorRetryPolicy(settings.deliveryPolicy(), callObserver));
        bindOwn(registry, "collectorFailureOutcome", new CollectorFailureOutcome());
        bindOwn(registry, "fileNotWrittenOutcome", new FileNotWrittenOutcome());
        bindOwn(registry, "deadLetterLine", new DeadLetterLine(mapper));
        bindOwn(registry, "outboxLine", new OutboxLine(mapper));
        bindOwn(registry, "sinkEventReader", new SinkEventReader(mapper, settings.requestLimits().maxEventBytes()));
        bindOwn(registry, "sinkOutcome", new SinkOutcome());
        bindOwn(registry, "queueFailureOutcome", new QueueFailureOutcome());
        return dedupRepository;
    }

    /**
     * In an application of its own the registry may hold a bean of that name already (a dedupRepository, say);
     * binding over it would break the application's routes, or leave the bridge's calling the wrong bean.
     */
    private static void bindOwn(Registry registry, String name, Object bean) {
        if (registry.lookupByName(name) != null) {
            throw new IllegalStateException("a bean named " + name + " is bound already, and the bridge's routes"
                    + " refer to one of their own by that name: bind yours under another name");
        }
        registry.bind(name, bean);
    }
}
