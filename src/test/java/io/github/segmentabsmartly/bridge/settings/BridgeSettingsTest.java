package io.github.segmentabsmartly.bridge.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class BridgeSettingsTest {

    /** "key=value;key=value" as the properties a Map::get hands to the settings. */
    static Map<String, String> properties(String pairs) {
        Map<String, String> properties = new HashMap<>();
        if (pairs != null) {
            for (String pair : pairs.split(";")) {
                String[] keyAndValue = pair.split("=", 2);
                properties.put(keyAndValue[0].trim(), keyAndValue[1]);
            }
        }
        return properties;
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
                byDefault("pageViewTracking", BridgeSettings::pageViewTracking, false),
                byDefault("screenViewTracking", BridgeSettings::screenViewTracking, false),
                byDefault("exposureTracking", BridgeSettings::exposureTracking, false),
                byDefault("pageGoalFormat", BridgeSettings::pageGoalFormat, "Page: {name}"),
                byDefault("screenGoalFormat", BridgeSettings::screenGoalFormat, "Screen: {name}"),
                byDefault("timestampMode", BridgeSettings::timestampMode, TimestampMode.EVENT),
                byDefault("deliveryPolicy", BridgeSettings::deliveryPolicy, new DeliveryPolicy(Duration.ofMillis(3000), Duration.ofMillis(100),
                        Duration.ofMillis(1000), Duration.ofSeconds(5), 16)),
                byDefault("collectorCheck", BridgeSettings::collectorCheck,
                        new CollectorCheck(Duration.ofMillis(1000), Duration.ofMillis(5000))),
                byDefault("collectorConnection", BridgeSettings::collectorConnection,
                        new CollectorConnection(Duration.ofMillis(1000), Duration.ofMillis(1000), 32)),
                byDefault("internalErrorRetry", s -> s.queue().internalErrorRetry(), Duration.ofSeconds(60)),
                // a dry run writes the outbox file, which blocks
                byDefault("ingestRunsOnEventLoop", BridgeSettings::ingestRunsOnEventLoop, false));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource
    void defaults(Function<BridgeSettings, Object> setting, Object expected) {
        assertEquals(expected, setting.apply(settings(null)));
    }

    static final String COLLECTOR =
            "absmartly.collector-endpoint=http://c/v1;absmartly.api-key=k;absmartly.environment=e";

    static Stream<Arguments> settingsRead() {
        return Stream.of(
                row("absmartly.application= shop ", BridgeSettings::application, "shop"),
                row("absmartly.application-version=1.2", BridgeSettings::applicationVersion, "1.2"),
                row("absmartly.agent=my-agent", BridgeSettings::agent, "my-agent"),
                row("absmartly.goal-mapping=Signed Up=signup", s -> s.goalMapping().goalFor("Signed Up"), "signup"),
                row("absmartly.unit-mapping=traits.email=email", s -> s.unitMapping().entries(), List.of(new UnitMapping.Entry("traits.email", "email"))),
                row("absmartly.enable-page-view-tracking=true", BridgeSettings::pageViewTracking, true),
                row("absmartly.enable-page-view-tracking= TRUE ", BridgeSettings::pageViewTracking, true),
                row("absmartly.enable-page-view-tracking=False", BridgeSettings::pageViewTracking, false),
                row("absmartly.enable-page-view-tracking=", BridgeSettings::pageViewTracking, false),
                row("absmartly.enable-screen-view-tracking=true", BridgeSettings::screenViewTracking, true),
                row("absmartly.enable-exposure-tracking=true", BridgeSettings::exposureTracking, true),
                row("absmartly.page-goal-format={slug}_pageview", BridgeSettings::pageGoalFormat, "{slug}_pageview"),
                row("absmartly.screen-goal-format=App: {name}", BridgeSettings::screenGoalFormat, "App: {name}"),
                row("absmartly.timestamps=client", BridgeSettings::timestampMode, TimestampMode.CLIENT),
                row("bridge.delivery.budget-ms=2500", s -> s.deliveryPolicy().budget(), Duration.ofMillis(2500)),
                row("bridge.delivery.budget-ms= ", s -> s.deliveryPolicy().budget(), Duration.ofMillis(3000)),
                row("bridge.delivery.backoff-initial-ms=0", s -> s.deliveryPolicy().initialBackoff(), Duration.ZERO),
                row("bridge.delivery.backoff-max-ms=2000", s -> s.deliveryPolicy().maxBackoff(), Duration.ofMillis(2000)),
                row("bridge.delivery.retry-after-seconds=30", s -> s.deliveryPolicy().senderRetryAfter(), Duration.ofSeconds(30)),
                row("bridge.health.collector-timeout-ms=300", s -> s.collectorCheck().timeout(), Duration.ofMillis(300)),
                row("bridge.health.collector-timeout-ms=0", s -> s.collectorCheck().timeout(), Duration.ofMillis(1)),
                row("bridge.health.collector-cache-ms=0", s -> s.collectorCheck().cacheFor(), Duration.ZERO),
                row("bridge.mode=", BridgeSettings::queuesEvents, false),
                row("bridge.mode=direct;bridge.roles=deliver", BridgeSettings::ingests, true),
                row("bridge.mode=direct", BridgeSettings::consumesTopic, false),
                row("bridge.mode= KAFKA ", BridgeSettings::queuesEvents, true),
                row("bridge.mode=kafka", BridgeSettings::ingests, true),
                row("bridge.mode=kafka", BridgeSettings::consumesTopic, true),
                row("bridge.mode=kafka;bridge.roles=deliver", BridgeSettings::ingests, false),
                row("bridge.mode=kafka;bridge.roles= ingest ", BridgeSettings::consumesTopic, false),
                row("bridge.mode=kafka;bridge.kafka.replay-dead-letters=true", BridgeSettings::replaysDeadLetterTopic, true),
                row("bridge.kafka.replay-dead-letters=true", BridgeSettings::replaysDeadLetterTopic, false),
                row("bridge.kafka.partitions=0", s -> s.queue().partitions(), 1),
                row("bridge.kafka.internal-error-retry-ms=2000", s -> s.queue().internalErrorRetry(), Duration.ofMillis(2000)),
                row("bridge.mode=kafka;bridge.dedup.store=kafka", s -> s.dedup().store(), DedupSettings.Store.KAFKA),
                row("bridge.collector.max-connections=0", s -> s.collectorConnection().maxConnections(), 1),
                row("bridge.collector.response-timeout-ms=250", s -> s.collectorConnection().responseTimeout(),
                        Duration.ofMillis(250)),
                row(COLLECTOR, BridgeSettings::ingestRunsOnEventLoop, true),
                row(COLLECTOR + ";bridge.dedup.store=none", BridgeSettings::ingestRunsOnEventLoop, true),
                row(COLLECTOR + ";bridge.ingest.on-event-loop=false", BridgeSettings::ingestRunsOnEventLoop, false),
                row(COLLECTOR + ";bridge.dedup.store=jdbc", BridgeSettings::ingestRunsOnEventLoop, false),
                row(COLLECTOR + ";bridge.mode=kafka", BridgeSettings::ingestRunsOnEventLoop, false));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource
    void settingsRead(String pairs, Function<BridgeSettings, Object> setting, Object expected) {
        assertEquals(expected, setting.apply(settings(pairs)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://x.io/v1/       | https://x.io/v1/context
            https://x.io/v1        | https://x.io/v1/context
            https://x.io/v1///     | https://x.io/v1/context
            ' https://x.io/v1/ '   | https://x.io/v1/context
            http://localhost:8080  | http://localhost:8080/context
            """)
    void collectorContextUrlIsTheEndpointPlusContext(String endpoint, String url) {
        BridgeSettings settings = settings(
                "absmartly.collector-endpoint=" + endpoint + ";absmartly.api-key=k;absmartly.environment=prod");

        assertEquals(url, settings.collectorContextUrl());
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
            absmartly.enable-page-view-tracking=yes                                                      | ABSMARTLY_ENABLE_PAGE_VIEW_TRACKING
            absmartly.enable-screen-view-tracking=1                                                      | ABSMARTLY_ENABLE_SCREEN_VIEW_TRACKING
            absmartly.enable-exposure-tracking=on                                                        | ABSMARTLY_ENABLE_EXPOSURE_TRACKING
            absmartly.unit-mapping=abc                                                                   | ABSMARTLY_UNIT_MAPPING
            absmartly.unit-mapping=userId=                                                               | ABSMARTLY_UNIT_MAPPING
            absmartly.unit-mapping=                                                                      | ABSMARTLY_UNIT_MAPPING
            absmartly.goal-mapping==signup                                                               | ABSMARTLY_GOAL_MAPPING
            absmartly.timestamps=server                                                                  | ABSMARTLY_TIMESTAMPS
            bridge.delivery.budget-ms=abc                                                                | BRIDGE_DELIVERY_BUDGET_MS
            bridge.delivery.budget-ms=3s                                                                 | BRIDGE_DELIVERY_BUDGET_MS
            bridge.delivery.budget-ms=-1                                                                 | BRIDGE_DELIVERY_BUDGET_MS
            bridge.delivery.backoff-initial-ms=1.5                                                       | BRIDGE_DELIVERY_BACKOFF_INITIAL_MS
            bridge.delivery.backoff-max-ms=x                                                             | BRIDGE_DELIVERY_BACKOFF_MAX_MS
            bridge.delivery.retry-after-seconds=5s                                                       | BRIDGE_DELIVERY_RETRY_AFTER_SECONDS
            bridge.health.collector-timeout-ms=1s                                                        | BRIDGE_HEALTH_COLLECTOR_TIMEOUT_MS
            bridge.health.collector-cache-ms=-1                                                          | BRIDGE_HEALTH_COLLECTOR_CACHE_MS
            bridge.mode=queue                                                                            | BRIDGE_MODE
            bridge.mode=kafka;bridge.roles=                                                              | BRIDGE_ROLES
            bridge.mode=kafka;bridge.roles=ingest,publish                                                | BRIDGE_ROLES
            bridge.dedup.store=kafka                                                                     | BRIDGE_MODE=kafka
            bridge.kafka.consumers=two                                                                   | BRIDGE_KAFKA_CONSUMERS
            bridge.kafka.buffer-bytes=16383                                                              | BRIDGE_KAFKA_BUFFER_BYTES
            bridge.collector.max-connections=many                                                        | BRIDGE_COLLECTOR_MAX_CONNECTIONS
            bridge.ingest.on-event-loop=yes                                                              | BRIDGE_INGEST_ON_EVENT_LOOP
            """)
    void invalidSettingsNameTheirEnvironmentVariable(String pairs, String variable) {
        InvalidSettingException invalid = assertThrows(InvalidSettingException.class, () -> settings(pairs));

        assertTrue(invalid.getMessage().contains(variable), invalid.getMessage());
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
