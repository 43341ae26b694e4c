package io.github.segmentabsmartly.bridge.ingest;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.settings.RequestLimits;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Reads the request's body, which platform-http leaves unread ({@code useBodyHandler=false}), within its limits: the
 * path's size (also once gzip is undone, which happens as it is read), the bytes all requests may hold at once, and
 * the read timeout. Nothing is allocated for a size the sender merely claims. Form bodies and unknown encodings are
 * refused before reading. The body becomes the bytes the sender meant; the request's arrival time is kept.
 */
public class RequestBody implements Processor {

    private static final Set<String> TRACKING_API_CALLS =
            Set.of("track", "page", "screen", "identify", "group", "alias", "batch", "import");
    private static final int CHUNK = 8192;
    private static final long BUSY_RETRY_AFTER_SECONDS = 1;

    private final RequestLimits limits;
    private final IngestCapacity capacity;

    public RequestBody(RequestLimits limits, IngestCapacity capacity) {
        this.limits = limits;
        this.capacity = capacity;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        String call = exchange.getVariable(BridgeExchange.TRACKING_API_CALL, String.class);
        if (call != null && !TRACKING_API_CALLS.contains(call)) {
            throw new RequestRejectedException(404, "unknown call /v1/" + call + ": use one of " + TRACKING_API_CALLS);
        }
        refuseFormBodies(in.getHeader(Exchange.CONTENT_TYPE, String.class));
        boolean gzip = isGzip(in.getHeader("Content-Encoding", String.class));
        long limit = call != null ? limits.maxTrackingApiBytes() : limits.maxBodyBytes();
        Long declared = in.getHeader("Content-Length", Long.class);
        if (declared != null && declared > limit) {
            throw tooLarge(limit);
        }
        IngestCapacity.Share share = capacity.admit();
        if (share == null) {
            throw busy();
        }
        // the request's bytes are given back once it is answered
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                share.close();
            }
        });
        boolean unverified = exchange.getProperty(BridgeExchange.BODY_CREDENTIALS) != null;
        if (unverified && !capacity.startUnverifiedRead()) {
            throw busy();
        }
        byte[] body;
        try {
            body = in.getBody() instanceof HttpServerRequest request
                    ? read(request, limit, share) : given(in.getBody(byte[].class), limit, share);
        } finally {
            if (unverified) {
                capacity.endUnverifiedRead();
            }
        }
        exchange.setProperty(BridgeExchange.RECEIVED_AT, exchange.getClock().getCreated());
        in.setBody(gzip ? gunzip(body, limit, share) : body);
    }

    private byte[] read(HttpServerRequest request, long limit, IngestCapacity.Share share) throws Exception {
        CompletableFuture<Buffer> read = new CompletableFuture<>();
        Buffer body = Buffer.buffer();
        // once refused, the rest of the body is dropped as it comes, until the answer closes the connection (JsonAnswer)
        request.handler(chunk -> {
            if (read.isDone()) {
                return;
            }
            if (body.length() + chunk.length() > limit) {
                read.completeExceptionally(tooLarge(limit));
            } else if (!share.take(chunk.length())) {
                read.completeExceptionally(busy());
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(read::completeExceptionally);
        request.endHandler(end -> read.complete(body));
        request.resume();
        try {
            return read.get(limits.readTimeout().toMillis(), TimeUnit.MILLISECONDS).getBytes();
        } catch (TimeoutException stalled) {
            RequestRejectedException tooSlow = new RequestRejectedException(408, "the body did not arrive within "
                    + limits.readTimeout().toMillis() + " ms");
            read.completeExceptionally(tooSlow);
            throw tooSlow;
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RequestRejectedException refused) {
                throw refused;
            }
            throw new RequestRejectedException(400, "the body could not be read to its end");
        }
    }

    /** A body another route read already (a route of your own that calls direct:ingest), held to the same limits. */
    private static byte[] given(byte[] body, long limit, IngestCapacity.Share share) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length > limit) {
            throw tooLarge(limit);
        }
        if (!share.take(bytes.length)) {
            throw busy();
        }
        return bytes;
    }

    private static byte[] gunzip(byte[] compressed, long limit, IngestCapacity.Share share) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), CHUNK)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(compressed.length * 4, (int) limit));
            byte[] chunk = new byte[CHUNK];
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                if (out.size() + read > limit) {
                    throw new RequestRejectedException(413,
                            "the body is over the limit of " + limit + " bytes once decompressed");
                }
                if (!share.take(read)) {
                    throw busy();
                }
                out.write(chunk, 0, read);
            }
            return out.toByteArray();
        } catch (IOException notGzip) {
            throw new RequestRejectedException(400, "Content-Encoding is gzip but the body is not gzip data");
        }
    }

    /** Form bodies: the JSON in them would have been form-decoded on the way. */
    private static void refuseFormBodies(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/")) {
            throw new RequestRejectedException(415, "send the events as JSON with Content-Type: application/json"
                    + " (curl sends form data by default: add -H 'Content-Type: application/json')");
        }
    }

    private static boolean isGzip(String encoding) {
        if (encoding == null || encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity")) {
            return false;
        }
        if (encoding.trim().equalsIgnoreCase("gzip")) {
            return true;
        }
        throw new RequestRejectedException(415, "Content-Encoding must be gzip or none");
    }

    private static RequestRejectedException tooLarge(long limit) {
        return new RequestRejectedException(413, "the body is over the limit of " + limit + " bytes");
    }

    private static RequestRejectedException busy() {
        return new RequestRejectedException(503, "the bridge is reading as much as it may at once: send again in a"
                + " moment", BUSY_RETRY_AFTER_SECONDS);
    }
}
