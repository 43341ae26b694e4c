package io.github.segmentabsmartly.bridge;

import io.github.segmentabsmartly.bridge.settings.BridgeSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Properties;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;

/**
 * The bridge inside a Camel application of your own: {@code context.addRoutes(new AbsmartlyRoutes())} adds the
 * bridge's per-event routes (packaged from its routes/ folder) and the processors they use, configured by the
 * application's {@code absmartly.*} and {@code bridge.*} properties over the bridge's defaults. Events then go
 * to {@code kamelet:absmartly-sink} or {@code direct:absmartly-sink}. Its retries and dead-lettering apply to
 * its own routes only.
 */
public class AbsmartlyRoutes implements RoutesBuilder {

    static final String PACKAGED = "absmartly/";

    @Override
    public void addRoutesToCamelContext(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        addBridgeDefaults(properties);
        BridgeSettings settings = BridgeBeans.settingsOf(context);
        BridgeBeans.bindPerEvent(context, settings, BridgeJson.mapper(),
                BridgeBeans.meterRegistryOrOwn(context.getRegistry()));
        // the route files the build packages (pom.xml names them)
        Collection<Resource> routes = PluginHelper.getPackageScanResourceResolver(context)
                .findResources("classpath:" + PACKAGED + "routes/*.yaml");
        PluginHelper.getRoutesLoader(context).loadRoutes(routes);
    }

    /** The bridge's own settings file supplies every absmartly.* and bridge.* key the application leaves out. */
    private static void addBridgeDefaults(PropertiesComponent properties) {
        Properties defaults = new Properties();
        try (InputStream packaged = AbsmartlyRoutes.class.getClassLoader()
                .getResourceAsStream(PACKAGED + "application.properties")) {
            defaults.load(packaged);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        for (String key : defaults.stringPropertyNames()) {
            boolean bridgeKey = key.startsWith("absmartly.") || key.startsWith("bridge.");
            if (bridgeKey && properties.resolveProperty(key).isEmpty()) {
                properties.addInitialProperty(key, defaults.getProperty(key));
            }
        }
    }

    @Override
    public void addTemplatedRoutesToCamelContext(CamelContext context) {
        // none: the Kamelet is loaded by the kamelet component from kamelets/absmartly-sink.kamelet.yaml
    }

    @Override
    public Set<String> updateRoutesToCamelContext(CamelContext context) throws Exception {
        throw new UnsupportedOperationException("add AbsmartlyRoutes once, with addRoutes");
    }
}
