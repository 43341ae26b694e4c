package io.github.segmentabsmartly.bridge.settings;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * Every setting the processors read, checked once at start. Each key lives in application.properties and is
 * overridden by its environment variable (the key upper-cased, dots and dashes turned into underscores).
 * Deliberately has no toString: it holds the API key.
 */
public final class BridgeSettings {

    /** Kafka's producer default for batch.size, which the bridge leaves as it is. */
    private static final long KAFKA_BATCH_BYTES = 16_384;

    private final String collectorEndpoint;
    private final String apiKey;
    private final String environment;
    private final String application;
    private final String applicationVersion;
    private final String agent;
    private final UnitMapping unitMapping;
    private final GoalMapping goalMapping;
    private final boolean pageViewTracking;
    private final boolean screenViewTracking;
    private final boolean exposureTracking;
    private final String pageGoalFormat;
    private final String screenGoalFormat;
    private final TimestampMode timestampMode;
    private final DeliveryPolicy deliveryPolicy;
    private final RequestLimits requestLimits;
    private final DedupSettings dedup;
    private final QueueSettings queue;
    private final IngestAuthSettings ingestAuth;
    private final boolean hashUnits;
    private final CollectorCheck collectorCheck;
    private final CollectorConnection collectorConnection;
    private final boolean ingestOnEventLoop;
    private final boolean collectorBatch;
    private final int ingestEventLoops;

    private BridgeSettings(Function<String, String> properties) {
        Reader read = new Reader(properties);
        collectorEndpoint = stripTrailingSlashes(read.text("absmartly.collector-endpoint", ""));
        apiKey = read.text("absmartly.api-key", "");
        environment = read.text("absmartly.environment", "");
        application = read.text("absmartly.application", "").trim();
        applicationVersion = read.text("absmartly.application-version", "0").trim();
        agent = read.text("absmartly.agent", "").trim();
        unitMapping = UnitMapping.parse(read.text("absmartly.unit-mapping", "anonymousId=anonymousId,userId=userId"));
        goalMapping = GoalMapping.parse(read.text("absmartly.goal-mapping", ""));
        pageViewTracking = read.flag("absmartly.enable-page-view-tracking");
        screenViewTracking = read.flag("absmartly.enable-screen-view-tracking");
        exposureTracking = read.flag("absmartly.enable-exposure-tracking");
        pageGoalFormat = read.text("absmartly.page-goal-format", "Page: {name}");
        screenGoalFormat = read.text("absmartly.screen-goal-format", "Screen: {name}");
        timestampMode = TimestampMode.parse(read.text("absmartly.timestamps", "event"));
        deliveryPolicy = new DeliveryPolicy(
                Duration.ofMillis(read.wholeNumber("bridge.delivery.budget-ms", 3000)),
                Duration.ofMillis(read.wholeNumber("bridge.delivery.backoff-initial-ms", 100)),
                Duration.ofMillis(read.wholeNumber("bridge.delivery.backoff-max-ms", 1000)),
                Duration.ofSeconds(read.wholeNumber("bridge.delivery.retry-after-seconds", 5)),
                (int) Math.max(1, read.wholeNumber("bridge.delivery.batch-parallelism", 16)));
        requestLimits = new RequestLimits(
                read.wholeNumber("bridge.limits.max-event-bytes", 32_768),
                read.wholeNumber("bridge.limits.max-tracking-api-bytes", 512_000),
                (int) read.wholeNumber("bridge.limits.max-batch-events", 4_000),
                (int) read.wholeNumber("bridge.limits.max-requests-in-flight", 64),
                read.wholeNumber("camel.server.max-body-size", 8_388_608));
        dedup = new DedupSettings(
                DedupSettings.parseStore(read.text("bridge.dedup.store", "memory")),
                (int) read.wholeNumber("bridge.dedup.window-size", 100_000),
                read.text("bridge.dedup.jdbc-url", "jdbc:h2:file:./data/dedup/message-ids"),
                read.text("bridge.dedup.kafka-topic", "absmartly-bridge-dedup"));
        queue = new QueueSettings(
                QueueSettings.parseMode(read.text("bridge.mode", "direct")),
                QueueSettings.parseRoles(read.text("bridge.roles", "ingest,deliver")),
                read.text("bridge.kafka.brokers", "localhost:9092").trim(),
                read.text("bridge.kafka.topic", "absmartly-events").trim(),
                read.text("bridge.kafka.dead-letter-topic", "absmartly-dead-letters").trim(),
                (int) Math.max(1, read.wholeNumber("bridge.kafka.partitions", 6)),
                (short) Math.max(1, read.wholeNumber("bridge.kafka.replication-factor", 1)),
                (int) Math.max(1, read.wholeNumber("bridge.kafka.consumers", 1)),
                read.text("bridge.kafka.group", "absmartly-bridge").trim(),
                read.flag("bridge.kafka.replay-dead-letters"),
                Duration.ofMillis(read.wholeNumber("bridge.kafka.internal-error-retry-ms", 60_000)));
        // routes/queue.yaml's producers read it; a buffer smaller than one Kafka batch would fail every record
        if (read.wholeNumber("bridge.kafka.buffer-bytes", KAFKA_BATCH_BYTES) < KAFKA_BATCH_BYTES) {
            throw new InvalidSettingException("BRIDGE_KAFKA_BUFFER_BYTES must be at least " + KAFKA_BATCH_BYTES
                    + ", the size of a Kafka producer's batch");
        }
        if (dedup.store() == DedupSettings.Store.KAFKA && !queue.isKafka()) {
            throw new InvalidSettingException("BRIDGE_DEDUP_STORE=kafka needs BRIDGE_MODE=kafka");
        }
        ingestAuth = new IngestAuthSettings(
                IngestAuthSettings.parseList(read.text("segment.shared-secrets", "")),
                IngestAuthSettings.parseWriteKeys(read.text("segment.write-keys", "")),
                IngestAuthSettings.parseList(read.text("ingest.tokens", "")));
        hashUnits = read.flag("absmartly.hash-units");
        collectorConnection = new CollectorConnection(
                Duration.ofMillis(Math.max(1, read.wholeNumber("bridge.collector.connect-timeout-ms", 1000))),
                Duration.ofMillis(Math.max(1, read.wholeNumber("bridge.collector.response-timeout-ms", 1000))),
                (int) Math.max(1, read.wholeNumber("bridge.collector.max-connections", 32)));
        ingestOnEventLoop = read.flag("bridge.ingest.on-event-loop", true);
        collectorBatch = read.flag("bridge.delivery.collector-batch");
        ingestEventLoops = (int) Math.max(1,
                read.wholeNumber("bridge.ingest.event-loops", Runtime.getRuntime().availableProcessors()));
        collectorCheck = new CollectorCheck(
                Duration.ofMillis(Math.max(1, read.wholeNumber("bridge.health.collector-timeout-ms", 1000))),
                Duration.ofMillis(read.wholeNumber("bridge.health.collector-cache-ms", 5000)));
        requireCollectorCredentials();
    }

    /** Reads and checks every setting; an {@link InvalidSettingException} names the one to fix. */
    public static BridgeSettings from(Function<String, String> properties) {
        return new BridgeSettings(properties);
    }

    private void requireCollectorCredentials() {
        if (isDryRun()) {
            return;
        }
        if (!collectorEndpoint.startsWith("http://") && !collectorEndpoint.startsWith("https://")) {
            throw new InvalidSettingException("ABSMARTLY_COLLECTOR_ENDPOINT must start with http:// or https://");
        }
        if (apiKey.isBlank()) {
            throw new InvalidSettingException("ABSMARTLY_API_KEY is required when ABSMARTLY_COLLECTOR_ENDPOINT is set");
        }
        if (environment.isBlank()) {
            throw new InvalidSettingException(
                    "ABSMARTLY_ENVIRONMENT is required when ABSMARTLY_COLLECTOR_ENDPOINT is set");
        }
    }

    private static String stripTrailingSlashes(String endpoint) {
        String trimmed = endpoint.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /** The name of the environment variable that overrides a property key. */
    public static String environmentVariableFor(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** With no Collector endpoint the bridge writes what it would send to the outbox instead. */
    public boolean isDryRun() {
        return collectorEndpoint.isEmpty();
    }

    public String collectorContextUrl() {
        return collectorEndpoint + "/context";
    }

    public String collectorEndpoint() {
        return collectorEndpoint;
    }

    public String apiKey() {
        return apiKey;
    }

    public String environment() {
        return environment;
    }

    public String application() {
        return application;
    }

    public String applicationVersion() {
        return applicationVersion;
    }

    public String agent() {
        return agent;
    }

    public UnitMapping unitMapping() {
        return unitMapping;
    }

    public GoalMapping goalMapping() {
        return goalMapping;
    }

    public boolean pageViewTracking() {
        return pageViewTracking;
    }

    public boolean screenViewTracking() {
        return screenViewTracking;
    }

    public boolean exposureTracking() {
        return exposureTracking;
    }

    public String pageGoalFormat() {
        return pageGoalFormat;
    }

    public String screenGoalFormat() {
        return screenGoalFormat;
    }

    public TimestampMode timestampMode() {
        return timestampMode;
    }

    public DeliveryPolicy deliveryPolicy() {
        return deliveryPolicy;
    }

    public RequestLimits requestLimits() {
        return requestLimits;
    }

    public DedupSettings dedup() {
        return dedup;
    }

    public QueueSettings queue() {
        return queue;
    }

    /** For the routes: whether this instance takes events over HTTP (the ingest routes' precondition). */
    public boolean ingests() {
        return queue.ingests();
    }

    /** For the routes: whether accepted events go to the Kafka topic rather than to the Collector. */
    public boolean queuesEvents() {
        return queue.isKafka();
    }

    /** For the routes: whether this instance delivers from the Kafka topic. */
    public boolean consumesTopic() {
        return queue.consumesTopic();
    }

    /** For the routes: whether this instance replays the dead-letter topic. */
    public boolean replaysDeadLetterTopic() {
        return queue.isKafka() && queue.replayDeadLetters();
    }

    public IngestAuthSettings ingestAuth() {
        return ingestAuth;
    }

    /** ABSMARTLY_HASH_UNITS: uids leave as the SDKs' MD5 hashes, never in clear. */
    public boolean hashUnits() {
        return hashUnits;
    }

    public CollectorConnection collectorConnection() {
        return collectorConnection;
    }

    /**
     * Whether the HTTP routes run on the server's event loop (BRIDGE_INGEST_ON_EVENT_LOOP, and only when nothing
     * on their way blocks a thread: events go to a Collector, not to the outbox file or a Kafka topic, and the
     * dedup store is in memory). Otherwise Camel runs each request on a worker thread.
     */
    public boolean ingestRunsOnEventLoop() {
        boolean dedupInMemory = dedup.store() == DedupSettings.Store.MEMORY || dedup.store() == DedupSettings.Store.NONE;
        return ingestOnEventLoop && !isDryRun() && !queuesEvents() && dedupInMemory;
    }

    /** Whether the events of an array or batch go to the Collector in batch calls (PUT {endpoint}/context/batch). */
    public boolean collectorBatch() {
        return collectorBatch;
    }

    /** How many event loops serve the HTTP routes when they run on them (by default, one a core). */
    public int ingestEventLoops() {
        return ingestEventLoops;
    }

    public CollectorCheck collectorCheck() {
        return collectorCheck;
    }

    /** Property lookups that turn a bad value into an error naming its environment variable. */
    private record Reader(Function<String, String> properties) {

        String text(String key, String fallback) {
            String value = properties.apply(key);
            return value == null ? fallback : value;
        }

        boolean flag(String key) {
            return flag(key, false);
        }

        boolean flag(String key, boolean fallback) {
            String value = text(key, "").trim();
            if (value.isEmpty()) {
                return fallback;
            }
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value);
            }
            throw new InvalidSettingException(
                    environmentVariableFor(key) + " must be true or false, not '" + value + "'");
        }

        long wholeNumber(String key, long fallback) {
            String value = text(key, "").trim();
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                long parsed = Long.parseLong(value);
                if (parsed >= 0) {
                    return parsed;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            throw new InvalidSettingException(
                    environmentVariableFor(key) + " must be a whole number of at least 0, not '" + value + "'");
        }
    }
}
