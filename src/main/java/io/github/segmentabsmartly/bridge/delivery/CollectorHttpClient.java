package io.github.segmentabsmartly.bridge.delivery;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * The HTTP client of Collector calls leaves every retry to the bridge's policy: left to itself it would retry a
 * 429 or 503 after its Retry-After, past the delivery budget. Cookies are not kept between events.
 */
public class CollectorHttpClient implements HttpClientConfigurer {

    @Override
    public void configureHttpClient(HttpClientBuilder clientBuilder) {
        clientBuilder.disableAutomaticRetries().disableCookieManagement();
    }
}
