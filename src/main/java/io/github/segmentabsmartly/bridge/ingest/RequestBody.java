package io.github.segmentabsmartly.bridge.ingest;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The request body as the bytes the sender meant: gzip (as Segment's libraries may send it) undone, within
 * the body size limit, and form bodies refused. The bytes are also kept as {@link BridgeExchange#RAW_BODY}
 * for the webhook signature check (IngestAuth, which takes them off the exchange).
 */
public class RequestBody implements Processor {

    private final long maxBodyBytes;

    public RequestBody(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void process(Exchange exchange) {
        refuseFormBodies(exchange.getIn().getHeader(Exchange.CONTENT_TYPE, String.class));
        byte[] body = exchange.getIn().getBody(byte[].class);
        String encoding = exchange.getIn().getHeader("Content-Encoding", String.class);
        if (body != null && encoding != null && encoding.trim().equalsIgnoreCase("gzip")) {
            body = gunzip(body);
        }
        exchange.setProperty(BridgeExchange.RAW_BODY, body);
        exchange.getIn().setBody(body);
    }

    /** Form bodies are decoded by the HTTP server before we see them, so the JSON in them is already lost. */
    private static void refuseFormBodies(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/")) {
            throw new RequestRejectedException(415, "send the events as JSON with Content-Type: application/json"
                    + " (curl sends form data by default: add -H 'Content-Type: application/json')");
        }
    }

    private byte[] gunzip(byte[] compressed) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4);
            byte[] chunk = new byte[8192];
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                if (out.size() + read > maxBodyBytes) {
                    throw new RequestRejectedException(413,
                            "the body is over the limit of " + maxBodyBytes + " bytes once decompressed");
                }
                out.write(chunk, 0, read);
            }
            return out.toByteArray();
        } catch (IOException notGzip) {
            throw new RequestRejectedException(400, "Content-Encoding is gzip but the body is not: "
                    + notGzip.getMessage());
        }
    }
}
