package io.github.segmentabsmartly.bridge.delivery;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * The Collector calls' HTTP client (the httpClientConfigurer of delivery.yaml's http endpoints): its own retries are
 * off, so that Camel's redelivery is the only retry, within the event's delivery budget. The client would otherwise
 * retry a 503 or 429 once by itself, after as long a Retry-After as the Collector asks for.
 */
public class CollectorHttpClient implements HttpClientConfigurer {

    @Override
    public void configureHttpClient(HttpClientBuilder clientBuilder) {
        clientBuilder.disableAutomaticRetries();
    }
}
