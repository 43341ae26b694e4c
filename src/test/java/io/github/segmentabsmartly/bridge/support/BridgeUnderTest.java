package io.github.segmentabsmartly.bridge.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.util.FileUtil;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's bridge and Collector stand-in: started once for the class with the given settings, the
 * stand-in's record and script cleared before each test. Register it as a static field with
 * {@code @RegisterExtension}.
 */
public final class BridgeUnderTest implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final String[] settings;
    private CollectorStandIn collector;
    private RunningBridge bridge;
    private Path dataDir;

    private BridgeUnderTest(String... settings) {
        this.settings = settings;
    }

    /** Settings as key, value, key, value, ... on top of application.properties. */
    public static BridgeUnderTest withSettings(String... settings) {
        return new BridgeUnderTest(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("bridge-data");
        collector = new CollectorStandIn();
        bridge = RunningBridge.deliveringTo(collector, dataDir, settings);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        bridge.close();
        collector.close();
        FileUtil.removeDir(dataDir.toFile());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        collector.reset();
    }

    public CollectorStandIn collector() {
        return collector;
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return bridge.post(path, json);
    }

    public HttpResponse<String> post(String path, String body, String... headers)
            throws IOException, InterruptedException {
        return bridge.post(path, body, headers);
    }

    public HttpResponse<String> post(String path, byte[] body, String... headers)
            throws IOException, InterruptedException {
        return bridge.post(path, body, headers);
    }

    /** http://127.0.0.1:port, as a sender's host setting. */
    public String baseUrl() {
        return bridge.baseUrl();
    }

    public HttpResponse<String> management(String path) throws IOException, InterruptedException {
        return bridge.management(path);
    }

    public HttpResponse<String> managementWhen(String path, int status) throws IOException, InterruptedException {
        return bridge.managementWhen(path, status);
    }

    public List<String> linesIn(String subdirectory) throws IOException {
        return bridge.linesIn(subdirectory);
    }

    /** The one request the Collector received since the test began. */
    public CollectorStandIn.Received onlyRequest() {
        List<CollectorStandIn.Received> received = collector.received();
        assertEquals(1, received.size(), "requests at the Collector");
        return received.get(0);
    }
}
