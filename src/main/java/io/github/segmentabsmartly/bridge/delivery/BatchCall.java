package io.github.segmentabsmartly.bridge.delivery;

import java.util.List;
import java.util.Map;

/** One {@code PUT {endpoint}/context/batch}: held events that go with the same headers, at most 500. */
record BatchCall(Map<String, Object> headers, List<HeldEvent> events) {
}
