package io.github.segmentabsmartly.bridge.publish;

import io.github.segmentabsmartly.bridge.BridgeExchange;
import io.github.segmentabsmartly.bridge.event.EventRejectedException;
import io.github.segmentabsmartly.bridge.event.RejectionCode;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Corrects the device's clock as Segment's HTTP Tracking API does, for the events the bridge takes on /v1: when an
 * event has {@code sentAt} (its own or its batch's), {@code timestamp = receivedAt − (sentAt − timestamp)}, and the
 * device's timestamp is kept as {@code originalTimestamp}. A phone whose clock runs a day ahead sends both a day
 * ahead, and its goals are dated when they happened. A time that is not a date is left for EventTime to reject.
 */
public class DeviceClockCorrection implements Processor {

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        Map<String, Object> event = exchange.getIn().getBody(Map.class);
        Long sentAt = EventTime.toMillis(event.get("sentAt"));
        Long timestamp = EventTime.toMillis(event.get("timestamp"));
        if (sentAt == null || timestamp == null) {
            return;
        }
        long receivedAt = exchange.getProperty(BridgeExchange.RECEIVED_AT, Long.class);
        event.putIfAbsent("originalTimestamp", event.get("timestamp"));
        event.put("timestamp", Instant.ofEpochMilli(corrected(receivedAt, sentAt, timestamp)).toString());
    }

    static long corrected(long receivedAt, long sentAt, long timestamp) {
        long corrected = receivedAt - (sentAt - timestamp);
        if (EventTime.toMillis(corrected) == null) {
            throw new EventRejectedException(RejectionCode.BAD_TIMESTAMP, "timestamp, corrected for the device's clock"
                    + " by sentAt, is before 1970 or past the year 275760");
        }
        return corrected;
    }
}
