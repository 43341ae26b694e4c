package io.github.segmentabsmartly.bridge.settings;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.segmentabsmartly.bridge.support.Settings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Each setting as application.properties gives it, as a value overrides it, and as a bad value is refused. */
class BridgeSettingsTest {

    /** "key=value;key=value" over application.properties. */
    static Map<String, String> properties(String pairs) {
        Map<String, String> overrides = new HashMap<>();
        if (pairs != null) {
            for (String pair : pairs.split(";")) {
                String[] keyAndValue = pair.split("=", 2);
                overrides.put(keyAndValue[0].trim(), keyAndValue[1]);
            }
        }
        return Settings.properties(overrides);
    }

    static BridgeSettings settings(String pairs) {
        return BridgeSettings.from(properties(pairs)::get);
    }

    static Arguments byDefault(String name, Function<BridgeSettings, Object> setting, Object expected) {
        return Arguments.of(Named.of(name, setting), expected);
    }

    static Arguments row(String pairs, Function<BridgeSettings, Object> setting, Object expected) {
        return Arguments.of(pairs, setting, expected);
    }

    static Stream<Arguments> defaults() {
        return Stream.of(
                byDefault("isDryRun", BridgeSettings::isDryRun, true),
                byDefault("collectorEndpoint", BridgeSettings::collectorEndpoint, ""),
                byDefault("apiKey", BridgeSettings::apiKey, ""),
                byDefault("environment", BridgeSettings::environment, ""),
                byDefault("application", BridgeSettings::application, ""),
                byDefault("applicationVersion", BridgeSettings::applicationVersion, "0"),
                byDefault("agent", BridgeSettings::agent, ""),
                byDefault("unitMapping", BridgeSettings::unitMapping, new UnitMapping(List.of(
                        new UnitMapping.Entry("anonymousId", "anonymousId"), new UnitMapping.Entry("userId", "userId")))),
                byDefault("goalMapping", BridgeSettings::goalMapping, new GoalMapping(Map.of())),
                byDefault("integrationNames", BridgeSettings::integrationNames, List.of()),
                byDefault("pageGoalFormat", BridgeSettings::pageGoalFormat, "Page: {name}"),
                byDefault("screenGoalFormat", BridgeSettings::screenGoalFormat, "Screen: {name}"),
                byDefault("timestampMode", BridgeSettings::timestampMode, TimestampMode.EVENT),
                byDefault("deliveryPolicy", BridgeSettings::deliveryPolicy, new DeliveryPolicy(Duration.ofMillis(3000),
                        Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(5))),
                byDefault("deliveryParallelism", BridgeSettings::deliveryParallelism, 16),
                byDefault("requestLimits", BridgeSettings::requestLimits, new RequestLimits(32_768, 512_000, 4_000,
                        8_388_608, 25_165_824, Duration.ofSeconds(10))),
                byDefault("ingestThreads", BridgeSettings::ingestThreads, 64),
                byDefault("ingest is open", s -> s.ingestAuth().isOpen(), true),
                byDefault("collectorCheck", BridgeSettings::collectorCheck,
                        new CollectorCheck(Duration.ofMillis(1000), Duration.ofMillis(5000))),
                byDefault("healthDetails", BridgeSettings::healthDetails, false),
                byDefault("internalErrorRetry", s -> s.queue().internalErrorRetry(), Duration.ofSeconds(60)));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource
    void defaults(Function<BridgeSettings, Object> setting, Object expected) {
        assertEquals(expected, setting.apply(settings(null)));
    }

    static Stream<Arguments> settingsRead() {
        return Stream.of(
                row("absmartly.application= shop ", BridgeSettings::application, "shop"),
                row("absmartly.application-version=1.2", BridgeSettings::applicationVersion, "1.2"),
                row("absmartly.agent=my-agent", BridgeSettings::agent, "my-agent"),
                row("absmartly.goal-mapping=Signed Up=signup", s -> s.goalMapping().goalFor("Signed Up"), "signup"),
                row("absmartly.goal-mapping={\"Order, Completed\": \"purchase\", \"a=b\": \"c\"}",
                        s -> s.goalMapping().goalsByEvent(), Map.of("Order, Completed", "purchase", "a=b", "c")),
                row("absmartly.unit-mapping=traits.email=email", s -> s.unitMapping().entries(),
                        List.of(new UnitMapping.Entry("traits.email", "email"))),
                row("absmartly.integration-names=ABsmartly, absmartly ", BridgeSettings::integrationNames,
                        List.of("ABsmartly", "absmartly")),
                row("absmartly.page-goal-format={slug}_pageview", BridgeSettings::pageGoalFormat, "{slug}_pageview"),
                row("absmartly.screen-goal-format=App: {name}", BridgeSettings::screenGoalFormat, "App: {name}"),
                row("absmartly.timestamps=client", BridgeSettings::timestampMode, TimestampMode.CLIENT),
                row("bridge.delivery.budget-ms=2500", s -> s.deliveryPolicy().budget(), Duration.ofMillis(2500)),
                row("bridge.delivery.backoff-initial-ms=0", s -> s.deliveryPolicy().initialBackoff(), Duration.ZERO),
                row("bridge.delivery.backoff-max-ms=2000", s -> s.deliveryPolicy().maxBackoff(), Duration.ofMillis(2000)),
                row("bridge.delivery.retry-after-seconds=30", s -> s.deliveryPolicy().senderRetryAfter(),
                        Duration.ofSeconds(30)),
                row("bridge.delivery.batch-parallelism=0", BridgeSettings::deliveryParallelism, 1),
                row("bridge.limits.read-timeout-ms=0", s -> s.requestLimits().readTimeout(), Duration.ofMillis(1)),
                row("bridge.ingest.threads=0", BridgeSettings::ingestThreads, 1),
                row("bridge.health.collector-timeout-ms=300", s -> s.collectorCheck().timeout(), Duration.ofMillis(300)),
                row("bridge.health.collector-timeout-ms=0", s -> s.collectorCheck().timeout(), Duration.ofMillis(1)),
                row("bridge.health.collector-cache-ms=0", s -> s.collectorCheck().cacheFor(), Duration.ZERO),
                row("bridge.health.details=true", BridgeSettings::healthDetails, true),
                row("bridge.mode=direct;bridge.roles=deliver", s -> s.queue().ingests(), true),
                row("bridge.mode= KAFKA ", s -> s.queue().isKafka(), true),
                row("bridge.mode=kafka;bridge.roles=deliver", s -> s.queue().ingests(), false),
                row("bridge.mode=kafka;bridge.roles= ingest ", s -> s.queue().consumesTopic(), false),
                row("bridge.kafka.partitions=0", s -> s.queue().partitions(), 1),
                row("bridge.kafka.internal-error-retry-ms=2000", s -> s.queue().internalErrorRetry(),
                        Duration.ofMillis(2000)),
                row("bridge.mode=kafka;bridge.dedup.store=kafka", s -> s.dedup().store(), DedupSettings.Store.KAFKA),
                row("segment.write-keys=web, ios=staging/ios", s -> s.ingestAuth().writeKeys().get("ios"),
                        new Source(IngestAuthSettings.sourceId("write-key", "ios"), "staging", "ios")),
                row("ingest.tokens=t1,t2", s -> s.ingestAuth().tokens().size(), 2));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource
    void settingsRead(String pairs, Function<BridgeSettings, Object> setting, Object expected) {
        assertEquals(expected, setting.apply(settings(pairs)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://x.io/v1/       | https://x.io/v1
            https://x.io/v1///     | https://x.io/v1
            ' https://x.io/v1/ '   | https://x.io/v1
            http://localhost:8080  | http://localhost:8080
            """)
    void theEndpointLosesItsTrailingSlashes(String endpoint, String cleaned) {
        BridgeSettings settings = settings(
                "absmartly.collector-endpoint=" + endpoint + ";absmartly.api-key=k;absmartly.environment=prod");

        assertEquals(cleaned, settings.collectorEndpoint());
        assertFalse(settings.isDryRun());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            absmartly.collector-endpoint=
            'absmartly.collector-endpoint=   '
            absmartly.collector-endpoint=/
            absmartly.api-key=k;absmartly.environment=prod
            """)
    void noEndpointMeansDryRunWithoutCredentials(String pairs) {
        assertTrue(settings(pairs).isDryRun());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            absmartly.collector-endpoint=https://x.io/v1                                                 | ABSMARTLY_API_KEY
            absmartly.collector-endpoint=https://x.io/v1;absmartly.environment=prod                      | ABSMARTLY_API_KEY
            absmartly.collector-endpoint=https://x.io/v1;absmartly.api-key= ;absmartly.environment=prod  | ABSMARTLY_API_KEY
            absmartly.collector-endpoint=https://x.io/v1;absmartly.api-key=k                             | ABSMARTLY_ENVIRONMENT
            absmartly.collector-endpoint=https://x.io/v1;absmartly.api-key=k;absmartly.environment=      | ABSMARTLY_ENVIRONMENT
            absmartly.collector-endpoint=x.io/v1;absmartly.api-key=k;absmartly.environment=prod          | ABSMARTLY_COLLECTOR_ENDPOINT
            absmartly.environment=prod\\r\\nX-Evil: 1                                                     | ABSMARTLY_ENVIRONMENT
            absmartly.agent=ag\\u0000ent                                                                  | ABSMARTLY_AGENT
            absmartly.enable-page-view-tracking=yes                                                      | ABSMARTLY_ENABLE_PAGE_VIEW_TRACKING
            absmartly.enable-screen-view-tracking=1                                                      | ABSMARTLY_ENABLE_SCREEN_VIEW_TRACKING
            absmartly.enable-exposure-tracking=on                                                        | ABSMARTLY_ENABLE_EXPOSURE_TRACKING
            absmartly.hash-units=                                                                        | ABSMARTLY_HASH_UNITS
            absmartly.unit-mapping=abc                                                                   | ABSMARTLY_UNIT_MAPPING
            absmartly.unit-mapping=userId=                                                               | ABSMARTLY_UNIT_MAPPING
            absmartly.unit-mapping=                                                                      | ABSMARTLY_UNIT_MAPPING
            absmartly.goal-mapping==signup                                                               | ABSMARTLY_GOAL_MAPPING
            absmartly.goal-mapping={"a": 1}                                                              | ABSMARTLY_GOAL_MAPPING
            absmartly.goal-mapping={"a": "b"                                                             | ABSMARTLY_GOAL_MAPPING
            absmartly.timestamps=server                                                                  | ABSMARTLY_TIMESTAMPS
            bridge.delivery.budget-ms=abc                                                                | BRIDGE_DELIVERY_BUDGET_MS
            bridge.delivery.budget-ms=3s                                                                 | BRIDGE_DELIVERY_BUDGET_MS
            bridge.delivery.budget-ms=-1                                                                 | BRIDGE_DELIVERY_BUDGET_MS
            bridge.delivery.budget-ms=                                                                   | BRIDGE_DELIVERY_BUDGET_MS
            bridge.delivery.backoff-initial-ms=1.5                                                       | BRIDGE_DELIVERY_BACKOFF_INITIAL_MS
            bridge.delivery.retry-after-seconds=5s                                                       | BRIDGE_DELIVERY_RETRY_AFTER_SECONDS
            bridge.delivery.collector-batch=yes                                                          | BRIDGE_DELIVERY_COLLECTOR_BATCH
            bridge.health.collector-cache-ms=-1                                                          | BRIDGE_HEALTH_COLLECTOR_CACHE_MS
            bridge.limits.max-bytes-in-flight=1000                                                       | BRIDGE_LIMITS_MAX_BYTES_IN_FLIGHT
            bridge.mode=queue                                                                            | BRIDGE_MODE
            bridge.mode=kafka;bridge.roles=                                                              | BRIDGE_ROLES
            bridge.mode=kafka;bridge.roles=ingest,publish                                                | BRIDGE_ROLES
            bridge.dedup.store=kafka                                                                     | BRIDGE_MODE=kafka
            bridge.kafka.consumers=two                                                                   | BRIDGE_KAFKA_CONSUMERS
            bridge.kafka.buffer-bytes=16383                                                              | BRIDGE_KAFKA_BUFFER_BYTES
            bridge.collector.max-connections=many                                                        | BRIDGE_COLLECTOR_MAX_CONNECTIONS
            bridge.ingest.open=yes                                                                       | BRIDGE_INGEST_OPEN
            segment.write-keys=                                                                          | SEGMENT_WRITE_KEYS
            'segment.write-keys= , '                                                                     | SEGMENT_WRITE_KEYS
            segment.write-keys==prod                                                                     | SEGMENT_WRITE_KEYS
            segment.write-keys=k=pr\\r\\nod                                                               | SEGMENT_WRITE_KEYS
            segment.shared-secrets=                                                                      | SEGMENT_SHARED_SECRETS
            ingest.tokens=                                                                               | INGEST_TOKENS
            """)
    void invalidSettingsNameTheirEnvironmentVariable(String pairs, String variable) {
        String withControlCharacters = pairs.replace("\\r", "\r").replace("\\n", "\n").replace("\\u0000", "\u0000");
        InvalidSettingException invalid =
                assertThrows(InvalidSettingException.class, () -> settings(withControlCharacters));

        assertTrue(invalid.getMessage().contains(variable), invalid.getMessage());
    }

    static final String COLLECTOR =
            "absmartly.collector-endpoint=http://c/v1;absmartly.api-key=k;absmartly.environment=e";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            absmartly.collector-endpoint=
            COLLECTOR;camel.server.host=127.0.0.1
            COLLECTOR;camel.server.host=localhost
            COLLECTOR;bridge.ingest.open=true
            COLLECTOR;segment.write-keys=k
            COLLECTOR;ingest.tokens=t
            COLLECTOR;segment.shared-secrets=s
            COLLECTOR;bridge.mode=kafka;bridge.roles=deliver
            """)
    void ingestWithoutCredentialsIsForDryRunsLoopbackOrByChoice(String pairs) {
        BridgeSettings settings = settings(pairs.replace("COLLECTOR", COLLECTOR));

        assertDoesNotThrow(settings::requireIngestNotOpenToAll);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            COLLECTOR
            COLLECTOR;camel.server.host=0.0.0.0
            COLLECTOR;camel.server.host=10.0.0.5
            """)
    void ingestOpenToAnyoneStopsTheBridge(String pairs) {
        BridgeSettings settings = settings(pairs.replace("COLLECTOR", COLLECTOR));

        InvalidSettingException refused = assertThrows(InvalidSettingException.class,
                settings::requireIngestNotOpenToAll);
        assertTrue(refused.getMessage().contains("BRIDGE_INGEST_OPEN=true"), refused.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            absmartly.collector-endpoint         | ABSMARTLY_COLLECTOR_ENDPOINT
            absmartly.enable-page-view-tracking  | ABSMARTLY_ENABLE_PAGE_VIEW_TRACKING
            bridge.delivery.budget-ms            | BRIDGE_DELIVERY_BUDGET_MS
            """)
    void environmentVariableForAKey(String key, String variable) {
        assertEquals(variable, BridgeSettings.environmentVariableFor(key));
    }
}
