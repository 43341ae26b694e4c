package io.github.segmentabsmartly.bridge.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Writes the HTTP answer to the sender: a status and a JSON body, and none of the request's headers. */
final class JsonAnswer {

    private static final long DRAIN_MILLIS = 1000;

    private JsonAnswer() {
    }

    static void write(Exchange exchange, ObjectMapper mapper, int status, Object body) {
        Message message = exchange.getMessage();
        closeIfUnread(message.getBody());
        // Request headers (Authorization among them) would otherwise be echoed back as response headers.
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        try {
            // as bytes, which platform-http answers with a Content-Length
            message.setBody(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    /** A request answered as a whole, without events: {@code {"success": false, "error": ...}}. */
    static void refusal(Exchange exchange, ObjectMapper mapper, int status, String error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", error);
        write(exchange, mapper, status, body);
    }

    /**
     * A request answered before its body was read in full (refused from its headers, or past a limit): its connection
     * cannot carry another request past a body nobody reads. What is left of the body is dropped as it comes, for a
     * moment, so that the sender, which may be busy sending it, gets to read the answer; then the connection closes.
     */
    static void closeIfUnread(Object body) {
        if (!(body instanceof HttpServerRequest request) || request.isEnded()) {
            return;
        }
        if (request.version() != HttpVersion.HTTP_2) {
            request.response().putHeader("Connection", "close");
        }
        request.handler(dropped -> { });
        request.resume();
        request.response().endHandler(answered ->
                Vertx.currentContext().owner().setTimer(DRAIN_MILLIS, drained -> request.connection().close()));
    }
}
