package org.cityos.iot.internal.normalise;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** STUB until the normalise branch merges. */
public final class GatewayPayload {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayPayload() {}

    public static Map<String, byte[]> split(byte[] payload) {
        JsonNode node = JSON.readTree(payload);
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            out.put(e.getKey(), JSON.writeValueAsBytes(e.getValue()));
        }
        return out;
    }
}
