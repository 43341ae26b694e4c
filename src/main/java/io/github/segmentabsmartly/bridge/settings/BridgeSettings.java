package io.github.segmentabsmartly.bridge.settings;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The settings the bridge's Java code reads, and the checks of those the routes read, made once at start. Every key
 * and its default is in application.properties, and an environment variable overrides it (the key upper-cased, dots
 * and dashes turned into underscores). Deliberately has no toString: it holds the API key.
 */
public final class BridgeSettings {

    /** Kafka's producer default for batch.size, which the bridge leaves as it is. */
    private static final long KAFKA_BATCH_BYTES = 16_384;
    private static final List<String> FLAGS_THE_ROUTES_READ = List.of("absmartly.enable-page-view-tracking",
            "absmartly.enable-screen-view-tracking", "absmartly.enable-exposure-tracking", "absmartly.hash-units",
            "bridge.delivery.collector-batch", "bridge.kafka.replay-dead-letters");
    private static final List<String> NUMBERS_THE_ROUTES_READ = List.of("bridge.collector.connect-timeout-ms",
            "bridge.collector.response-timeout-ms", "bridge.collector.max-connections", "bridge.kafka.consumers",
            "bridge.kafka.session-timeout-ms");

    private final String collectorEndpoint;
    private final String apiKey;
    private final String environment;
    private final String application;
    private final String applicationVersion;
    private final String agent;
    private final UnitMapping unitMapping;
    private final GoalMapping goalMapping;
    private final List<String> integrationNames;
    private final String pageGoalFormat;
    private final String screenGoalFormat;
    private final TimestampMode timestampMode;
    private final DeliveryPolicy deliveryPolicy;
    private final RequestLimits requestLimits;
    private final DedupSettings dedup;
    private final QueueSettings queue;
    private final IngestAuthSettings ingestAuth;
    private final boolean ingestOpen;
    private final String serverHost;
    private final int ingestThreads;
    private final int deliveryParallelism;
    private final CollectorCheck collectorCheck;
    private final boolean healthDetails;

    private BridgeSettings(Function<String, String> properties) {
        Reader read = new Reader(properties);
        collectorEndpoint = stripTrailingSlashes(read.text("absmartly.collector-endpoint"));
        apiKey = read.text("absmartly.api-key");
        environment = read.text("absmartly.environment");
        application = read.text("absmartly.application").trim();
        applicationVersion = read.text("absmartly.application-version").trim();
        agent = read.text("absmartly.agent").trim();
        unitMapping = UnitMapping.parse(read.text("absmartly.unit-mapping"));
        goalMapping = GoalMapping.parse(read.text("absmartly.goal-mapping"));
        integrationNames = MappingText.items(read.text("absmartly.integration-names"));
        pageGoalFormat = read.text("absmartly.page-goal-format");
        screenGoalFormat = read.text("absmartly.screen-goal-format");
        timestampMode = TimestampMode.parse(read.text("absmartly.timestamps"));
        deliveryPolicy = new DeliveryPolicy(
                Duration.ofMillis(read.wholeNumber("bridge.delivery.budget-ms")),
                Duration.ofMillis(read.wholeNumber("bridge.delivery.backoff-initial-ms")),
                Duration.ofMillis(read.wholeNumber("bridge.delivery.backoff-max-ms")),
                Duration.ofSeconds(read.wholeNumber("bridge.delivery.retry-after-seconds")));
        requestLimits = new RequestLimits(
                read.wholeNumber("bridge.limits.max-event-bytes"),
                read.wholeNumber("bridge.limits.max-tracking-api-bytes"),
                (int) read.wholeNumber("bridge.limits.max-batch-events"),
                read.wholeNumber("bridge.limits.max-body-bytes"),
                read.wholeNumber("bridge.limits.max-bytes-in-flight"),
                Duration.ofMillis(Math.max(1, read.wholeNumber("bridge.limits.read-timeout-ms"))));
        if (requestLimits.maxBytesInFlight() < requestLimits.maxBodyBytes()) {
            throw new InvalidSettingException("BRIDGE_LIMITS_MAX_BYTES_IN_FLIGHT must be at least"
                    + " BRIDGE_LIMITS_MAX_BODY_BYTES: a body of that size could never be read");
        }
        dedup = new DedupSettings(
                DedupSettings.parseStore(read.text("bridge.dedup.store")),
                (int) read.wholeNumber("bridge.dedup.window-size"),
                read.text("bridge.dedup.jdbc-url"),
                read.text("bridge.dedup.kafka-topic"));
        queue = new QueueSettings(
                QueueSettings.parseMode(read.text("bridge.mode")),
                QueueSettings.parseRoles(read.text("bridge.roles")),
                read.text("bridge.kafka.brokers").trim(),
                read.text("bridge.kafka.topic").trim(),
                read.text("bridge.kafka.dead-letter-topic").trim(),
                (int) Math.max(1, read.wholeNumber("bridge.kafka.partitions")),
                (short) Math.max(1, read.wholeNumber("bridge.kafka.replication-factor")),
                read.text("bridge.kafka.group").trim(),
                Duration.ofMillis(read.wholeNumber("bridge.kafka.internal-error-retry-ms")));
        // routes/queue.yaml's producers read it; a buffer smaller than one Kafka batch would fail every record
        if (read.wholeNumber("bridge.kafka.buffer-bytes") < KAFKA_BATCH_BYTES) {
            throw new InvalidSettingException("BRIDGE_KAFKA_BUFFER_BYTES must be at least " + KAFKA_BATCH_BYTES
                    + ", the size of a Kafka producer's batch");
        }
        if (dedup.store() == DedupSettings.Store.KAFKA && !queue.isKafka()) {
            throw new InvalidSettingException("BRIDGE_DEDUP_STORE=kafka needs BRIDGE_MODE=kafka");
        }
        ingestAuth = new IngestAuthSettings(
                IngestAuthSettings.parseSecrets(read.optional("segment.shared-secrets"), "SEGMENT_SHARED_SECRETS",
                        "webhook"),
                IngestAuthSettings.parseWriteKeys(read.optional("segment.write-keys")),
                IngestAuthSettings.parseSecrets(read.optional("ingest.tokens"), "INGEST_TOKENS", "token"));
        ingestOpen = read.flag("bridge.ingest.open");
        // Camel's own setting: an application that embeds the routes may have no HTTP server at all
        serverHost = Objects.requireNonNullElse(read.optional("camel.server.host"), "").trim();
        ingestThreads = (int) Math.max(1, read.wholeNumber("bridge.ingest.threads"));
        deliveryParallelism = (int) Math.max(1, read.wholeNumber("bridge.delivery.batch-parallelism"));
        collectorCheck = new CollectorCheck(
                Duration.ofMillis(Math.max(1, read.wholeNumber("bridge.health.collector-timeout-ms"))),
                Duration.ofMillis(read.wholeNumber("bridge.health.collector-cache-ms")));
        healthDetails = read.flag("bridge.health.details");
        FLAGS_THE_ROUTES_READ.forEach(read::flag);
        NUMBERS_THE_ROUTES_READ.forEach(read::wholeNumber);
        requireCollectorCredentials();
    }

    /** Reads and checks every setting; an {@link InvalidSettingException} names the one to fix. */
    public static BridgeSettings from(Function<String, String> properties) {
        return new BridgeSettings(properties);
    }

    private void requireCollectorCredentials() {
        HeaderValues.require(environment, "ABSMARTLY_ENVIRONMENT");
        HeaderValues.require(application, "ABSMARTLY_APPLICATION");
        HeaderValues.require(applicationVersion, "ABSMARTLY_APPLICATION_VERSION");
        HeaderValues.require(agent, "ABSMARTLY_AGENT");
        if (isDryRun()) {
            return;
        }
        if (!collectorEndpoint.startsWith("http://") && !collectorEndpoint.startsWith("https://")) {
            throw new InvalidSettingException("ABSMARTLY_COLLECTOR_ENDPOINT must start with http:// or https://");
        }
        if (apiKey.isBlank()) {
            throw new InvalidSettingException("ABSMARTLY_API_KEY is required when ABSMARTLY_COLLECTOR_ENDPOINT is set");
        }
        HeaderValues.require(apiKey, "ABSMARTLY_API_KEY");
        if (environment.isBlank()) {
            throw new InvalidSettingException(
                    "ABSMARTLY_ENVIRONMENT is required when ABSMARTLY_COLLECTOR_ENDPOINT is set");
        }
    }

    /**
     * Ingest without credentials is for trying the bridge (a dry run), for a port only this machine reaches, or by
     * choice: anywhere else it would take events from anyone.
     */
    public void requireIngestNotOpenToAll() {
        boolean loopback = serverHost.equals("localhost") || serverHost.equals("::1") || serverHost.startsWith("127.");
        if (queue.ingests() && ingestAuth.isOpen() && !isDryRun() && !loopback && !ingestOpen) {
            throw new InvalidSettingException("ingest would take events from anyone who can reach CAMEL_SERVER_HOST "
                    + serverHost + ": set SEGMENT_WRITE_KEYS, SEGMENT_SHARED_SECRETS or INGEST_TOKENS,"
                    + " or BRIDGE_INGEST_OPEN=true");
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

    /** The Collector endpoint, without a trailing slash. */
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

    /** Names of this destination in an event's integrations object besides "AB Smartly". */
    public List<String> integrationNames() {
        return integrationNames;
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

    public IngestAuthSettings ingestAuth() {
        return ingestAuth;
    }

    /** Threads that handle requests, one a request from its start to its answer. */
    public int ingestThreads() {
        return ingestThreads;
    }

    /** Threads the events of arrays and batches are handled on at once, shared by all requests. */
    public int deliveryParallelism() {
        return deliveryParallelism;
    }

    public CollectorCheck collectorCheck() {
        return collectorCheck;
    }

    /** Whether the bridge's health checks give details (the Collector's URL, the data directory) on request. */
    public boolean healthDetails() {
        return healthDetails;
    }

    /** Property lookups that turn a bad value into an error naming its environment variable. */
    private record Reader(Function<String, String> properties) {

        /** A key application.properties gives a default for. */
        String text(String key) {
            String value = properties.apply(key);
            if (value == null) {
                throw new IllegalStateException(key + " has no value: application.properties gives every key's default");
            }
            return value;
        }

        /** A key that is left out by default (null). */
        String optional(String key) {
            return properties.apply(key);
        }

        boolean flag(String key) {
            String value = text(key).trim();
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value);
            }
            throw new InvalidSettingException(
                    environmentVariableFor(key) + " must be true or false, not '" + value + "'");
        }

        long wholeNumber(String key) {
            String value = text(key).trim();
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
