package io.github.segmentabsmartly.bridge.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Writes the HTTP answer to the sender: a status and a JSON body, and none of the request's headers. */
final class JsonAnswer {

    private JsonAnswer() {
    }

    static void write(Exchange exchange, ObjectMapper mapper, int status, Object body) {
        Message message = exchange.getMessage();
        // Request headers (Authorization among them) would otherwise be echoed back as response headers.
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        try {
            // as text: the HTTP server writes a String as it is, where bytes would be streamed through a pump
            message.setBody(mapper.writeValueAsString(body));
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
}
