package org.cityos.workflow.internal;

import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored JSON of string maps (timer data, approval payloads) and string lists (approval steps). A persistence
 * format of its own, apart from the HTTP mapper, so tuning the API never changes how stored rows read back.
 */
public final class DataJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

    private DataJson() {}

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static Map<String, String> map(String json) {
        return json == null ? null : Map.copyOf(JSON.readValue(json, MAP));
    }

    public static List<String> list(String json) {
        return List.copyOf(JSON.readValue(json, LIST));
    }
}
