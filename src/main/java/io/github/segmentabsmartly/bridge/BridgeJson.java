package io.github.segmentabsmartly.bridge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one way the bridge reads and writes JSON, and how it tells a sender what is wrong with theirs. */
public final class BridgeJson {

    private BridgeJson() {
    }

    /** A mapper that refuses trailing tokens: {@code {"a":1} x} is malformed, not one object. */
    public static ObjectMapper mapper() {
        return JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }

    /** "malformed JSON: ... at line L, column C", without Jackson's quote of the source. */
    public static String describe(JsonProcessingException malformed) {
        String problem = malformed.getOriginalMessage();
        int sourceReference = problem.indexOf(" (start marker at");
        JsonLocation where = malformed.getLocation();
        return "malformed JSON: " + (sourceReference < 0 ? problem : problem.substring(0, sourceReference))
                + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr());
    }
}
