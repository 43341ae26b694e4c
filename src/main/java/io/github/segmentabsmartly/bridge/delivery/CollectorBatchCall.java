package io.github.segmentabsmartly.bridge.delivery;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * Sends a request's held events to the Collector in {@code PUT {endpoint}/context/batch} calls, as
 * {@code {"requests": [publish bodies]}}: one call for each up to {@value #MAX_REQUESTS} events that go with the
 * same headers (environment, application, agent). The events of a call the Collector accepts are marked sent; the
 * others stay as they were, to be sent on their own with the usual retries, dead-lettering and outcomes
 * (property bridgeBatchAccepted says whether there are any). So a batch
 * call is tried once, and is never the reason an event is lost or doubled (a resent event is a duplicate by its
 * messageId). Nothing is sent once the request's delivery budget is spent.
 */
public class CollectorBatchCall extends AsyncProcessorSupport {

    /** The most publish bodies one batch call may carry (the Collector's OpenAPI). */
    static final int MAX_REQUESTS = 500;
    private static final byte[] OPEN = "{\"requests\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CLOSE = "]}".getBytes(StandardCharsets.UTF_8);

    private final CollectorCall collector;
    private final String batchUrl;
    private final CollectorCallObserver observer;

    /** @param collectorEndpoint the Collector endpoint, to which {@code /context/batch} is added */
    public CollectorBatchCall(CollectorCall collector, String collectorEndpoint, CollectorCallObserver observer) {
        this.collector = collector;
        this.batchUrl = collectorEndpoint + "/context/batch";
        this.observer = observer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean process(Exchange exchange, AsyncCallback callback) {
        List<HeldEvent> held = exchange.getProperty(BridgeExchange.HELD_EVENTS, List.class);
        if (held == null || held.isEmpty() || DeliveryBudget.isSpent(exchange)) {
            callback.done(true);
            return true;
        }
        Runnable goOn = collector.continuation(callback);
        List<HeldEvent> marked = new ArrayList<>(held);
        List<Future<Void>> calls = new ArrayList<>();
        for (List<Integer> positions : callsOf(held)) {
            HeldEvent first = held.get(positions.get(0));
            long started = System.nanoTime();
            Future<CollectorAnswer> call = collector.put(batchUrl, first.headers(), bodyOf(held, positions))
                    .onComplete(answered -> observer.batchCalled(answered.result(), System.nanoTime() - started));
            calls.add(call.map(answer -> {
                if (answer.accepted()) {
                    positions.forEach(at -> marked.set(at, held.get(at).accepted()));
                }
                return null;
            }));
        }
        Future.join(calls).onComplete(done -> {
            exchange.setProperty(BridgeExchange.HELD_EVENTS, marked);
            exchange.setProperty(BridgeExchange.BATCH_ACCEPTED, done.succeeded()
                    && marked.stream().allMatch(HeldEvent::sentInBatch));
            goOn.run();
        });
        return false;
    }

    /** The positions of the held events each call carries: by headers, in order, at most MAX_REQUESTS a call. */
    static List<List<Integer>> callsOf(List<HeldEvent> held) {
        Map<Map<String, Object>, List<Integer>> byHeaders = new LinkedHashMap<>();
        for (int at = 0; at < held.size(); at++) {
            byHeaders.computeIfAbsent(held.get(at).headers(), headers -> new ArrayList<>()).add(at);
        }
        List<List<Integer>> calls = new ArrayList<>();
        for (List<Integer> positions : byHeaders.values()) {
            for (int from = 0; from < positions.size(); from += MAX_REQUESTS) {
                calls.add(positions.subList(from, Math.min(positions.size(), from + MAX_REQUESTS)));
            }
        }
        return calls;
    }

    private static Buffer bodyOf(List<HeldEvent> held, List<Integer> positions) {
        Buffer body = Buffer.buffer().appendBytes(OPEN);
        for (int i = 0; i < positions.size(); i++) {
            if (i > 0) {
                body.appendByte((byte) ',');
            }
            body.appendBytes(held.get(positions.get(i)).body());
        }
        return body.appendBytes(CLOSE);
    }
}
