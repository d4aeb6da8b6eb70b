package org.cityos.iot.internal.normalise;

import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON reader of the package: built once because a mapper is costly to make and safe to share. */
final class PayloadJson {
    /** NaN and Infinity tokens are read, so that the reason can name the property instead of a parse position. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private PayloadJson() {}

    /** Whether the first non-blank byte opens a JSON object or array; cheaper than a failed parse for CSV. */
    static boolean looksLikeJson(byte[] payload) {
        for (byte b : payload) {
            if (b == '{' || b == '[') {
                return true;
            }
            if (b != ' '
                    && b != '\t'
                    && b != '\r'
                    && b != '\n'
                    && b != (byte) 0xEF
                    && b != (byte) 0xBB
                    && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    static boolean blank(byte[] payload) {
        for (byte b : payload) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    static JsonNode read(byte[] payload) {
        try {
            return MAPPER.readTree(payload);
        } catch (JacksonException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new PayloadProblem("malformed JSON" + where + ": " + PayloadProblem.quote(e.getOriginalMessage()));
        }
    }
}
