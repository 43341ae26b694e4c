package io.github.segmentabsmartly.bridge.delivery;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * A batch call's request: {@code /context/batch} under the endpoint, {@code {"requests": [publish bodies]}}, and the
 * headers its events share.
 */
public class BatchCallRequest implements Processor {

    /** The call under way, for BatchCallAccepted. */
    static final String CALL = "absmartlyBatchCall";
    private static final byte[] OPEN = "{\"requests\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CLOSE = "]}".getBytes(StandardCharsets.UTF_8);

    @Override
    public void process(Exchange exchange) {
        BatchCall call = exchange.getMessage().getBody(BatchCall.class);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(OPEN);
        for (int i = 0; i < call.events().size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(call.events().get(i).body());
        }
        body.writeBytes(CLOSE);
        exchange.setProperty(CALL, call);
        Message message = exchange.getMessage();
        message.setHeaders(new HashMap<>(call.headers()));
        message.setHeader(Exchange.HTTP_PATH, "context/batch");
        message.setBody(body.toByteArray());
    }
}
