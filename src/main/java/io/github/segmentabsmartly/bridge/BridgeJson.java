package io.github.segmentabsmartly.bridge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one way the bridge reads and writes JSON, and how it tells a sender what is wrong with theirs. What a sender's
 * JSON may be is bounded (docs/security.md): nesting, the length of a string and of a number, and the tokens of one
 * document, so that no body costs memory or stack out of proportion to its size.
 */
public final class BridgeJson {

    /** Segment events nest a few levels; an exposure payload five or so. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** A uid may be a number; nothing a Collector takes needs more digits. */
    public static final int MAX_NUMBER_LENGTH = 100;
    public static final int MAX_STRING_LENGTH = 1_000_000;
    public static final long MAX_TOKEN_COUNT = 1_000_000;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxTokenCount(MAX_TOKEN_COUNT)
            .build();

    private BridgeJson() {
    }

    /** Parsers within the limits above. */
    public static JsonFactory factory() {
        return JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
    }

    /** A mapper within the limits above that refuses trailing tokens: {@code {"a":1} x} is malformed. */
    public static ObjectMapper mapper() {
        return JsonMapper.builder(factory()).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }

    /** "malformed JSON at line L, column C", or which limit the JSON went past; nothing of what the sender sent. */
    public static String describe(JsonProcessingException malformed) {
        if (malformed instanceof StreamConstraintsException) {
            return "the JSON goes past the bridge's limits (nesting depth " + MAX_NESTING_DEPTH + ", numbers of "
                    + MAX_NUMBER_LENGTH + " digits, strings of " + MAX_STRING_LENGTH + " characters)";
        }
        JsonLocation where = malformed.getLocation();
        return "malformed JSON" + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr());
    }
}
