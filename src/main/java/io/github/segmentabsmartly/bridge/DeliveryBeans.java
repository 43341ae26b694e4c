package io.github.segmentabsmartly.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentabsmartly.bridge.dedup.DedupStores;
import io.github.segmentabsmartly.bridge.delivery.CollectorFailureOutcome;
import io.github.segmentabsmartly.bridge.delivery.CollectorBatchCall;
import io.github.segmentabsmartly.bridge.delivery.CollectorCall;
import io.github.segmentabsmartly.bridge.delivery.CollectorCallObserver;
import io.github.segmentabsmartly.bridge.delivery.CollectorRequest;
import io.github.segmentabsmartly.bridge.delivery.CollectorRetryPolicy;
import io.github.segmentabsmartly.bridge.delivery.DeadLetterLine;
import io.github.segmentabsmartly.bridge.delivery.DeliveryClock;
import io.github.segmentabsmartly.bridge.delivery.EventLoopFirstExecutor;
import io.github.segmentabsmartly.bridge.delivery.HoldForCollectorBatch;
import io.github.segmentabsmartly.bridge.delivery.OutboxLine;
import io.github.segmentabsmartly.bridge.delivery.ResumeHeldEvent;
import io.github.segmentabsmartly.bridge.ingest.EventCheck;
import io.github.segmentabsmartly.bridge.ingest.EventOutcome.Kind;
import io.github.segmentabsmartly.bridge.ingest.HeldOutcomes;
import io.github.segmentabsmartly.bridge.ingest.IgnoreEvent;
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
        registry.bind("absmartlySettings", settings);
        // a Predicate bean: the ref language calls it directly, where a method call on the settings is reflection
        registry.bind("absmartlyDryRun", PredicateBuilder.constant(settings.isDryRun()));
        registry.bind("absmartlyQueuesEvents", PredicateBuilder.constant(settings.queuesEvents()));
        IdempotentRepository dedupRepository = DedupStores.create(settings.dedup(), settings.queue(), context);
        registry.bind("dedupRepository", dedupRepository);
        registry.bind("outcomeCollector", new OutcomeCollector(dedupRepository));
        registry.bind("deliveryClock", new DeliveryClock(settings.deliveryPolicy()));
        registry.bind("eventCheck", new EventCheck());
        registry.bind("requestRejectedAnswer", new RequestRejectedAnswer(mapper));
        registry.bind("markDelivered", new RecordOutcome(Kind.DELIVERED));
        registry.bind("markDryRun", new RecordOutcome(Kind.DRY_RUN));
        registry.bind("markIgnored", IgnoreEvent.byRoute());
        registry.bind("markPageTrackingOff", IgnoreEvent.because("page_tracking_off",
                "page view tracking is off (ABSMARTLY_ENABLE_PAGE_VIEW_TRACKING)"));
        registry.bind("markScreenTrackingOff", IgnoreEvent.because("screen_tracking_off",
                "screen view tracking is off (ABSMARTLY_ENABLE_SCREEN_VIEW_TRACKING)"));
        registry.bind("markExposureTrackingOff", IgnoreEvent.because("exposure_tracking_off",
                "exposure tracking is off (ABSMARTLY_ENABLE_EXPOSURE_TRACKING)"));
        registry.bind("markDuplicate", new RecordOutcome(Kind.DUPLICATE));
        registry.bind("markRejected", new RecordOutcome(Kind.REJECTED));
        registry.bind("trackGoalName", new TrackGoalName(settings.goalMapping()));
        registry.bind("pageGoalName", new ViewGoalName("page", settings.pageGoalFormat()));
        registry.bind("screenGoalName", new ViewGoalName("screen", settings.screenGoalFormat()));
        registry.bind("goalPublishBody", new GoalPublishBody(settings.unitMapping(), settings.timestampMode()));
        registry.bind("exposurePublishBody", new ExposurePublishBody(settings.timestampMode()));
        registry.bind("hashUnits", new HashUnits());
        registry.bind("collectorRequest", new CollectorRequest(settings, mapper));
        CollectorCall collectorCall =
                new CollectorCall(SharedVertx.of(context), settings.collectorConnection(), settings.ingestEventLoops(),
                        callObserver);
        registry.bind("collectorCall", collectorCall);
        registry.bind("batchDeliveryPool", new EventLoopFirstExecutor(context.getExecutorServiceManager()
                .newFixedThreadPool(DeliveryBeans.class, "batch-delivery", settings.deliveryPolicy().batchParallelism())));
        registry.bind("holdForCollectorBatch", new HoldForCollectorBatch());
        registry.bind("collectorBatchCall", new CollectorBatchCall(collectorCall, settings.collectorEndpoint(),
                callObserver));
        registry.bind("resumeHeldEvent", new ResumeHeldEvent());
        registry.bind("heldOutcomes", new HeldOutcomes());
        // errors.yaml's Collector retries: collectorRetryPolicy decides each one and its wait, as a timer (the thread
        // may be an event loop). A bean rather than options in the YAML: Camel parses inline options again on every
        // failure, two of them through a type-converter lookup that scans every converter (45% of the CPU of an
        // event the Collector refused).
        registry.bind("collectorRedeliveryPolicy", new RedeliveryPolicy().maximumRedeliveries(-1).redeliveryDelay(0)
                .asyncDelayedRedelivery().logRetryAttempted(false).logExhausted(false));
        // errors.yaml's EventNotDeliveredException: the caller keeps the event, and its outcome is logged already
        registry.bind("unloggedFailurePolicy", new RedeliveryPolicy().logExhausted(false).logStackTrace(false));
        registry.bind("collectorRetryPolicy", new CollectorRetryPolicy(settings.deliveryPolicy(), callObserver));
        registry.bind("collectorFailureOutcome", new CollectorFailureOutcome());
        registry.bind("deadLetterLine", new DeadLetterLine(mapper));
        registry.bind("outboxLine", new OutboxLine(mapper));
        registry.bind("sinkEventReader", new SinkEventReader(mapper, settings.requestLimits().maxEventBytes()));
        registry.bind("sinkOutcome", new SinkOutcome());
        registry.bind("queueFailureOutcome", new QueueFailureOutcome());
        return dedupRepository;
    }
}
