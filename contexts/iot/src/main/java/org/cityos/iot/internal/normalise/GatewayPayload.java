package org.cityos.iot.internal.normalise;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Splits a ThingsBoard-gateway message ({@code {"Device A": [{"ts": …, "values": {…}}], "Device B": […]}}) into
 * one KEY_VALUES payload per child device, so each child is normalised against its own type.
 */
public final class GatewayPayload {
    /** More children than this in one message is a misconfiguration, not a gateway. */
    public static final int MAX_CHILDREN = 1000;

    private GatewayPayload() {}

    /** The outcome of a split. */
    public sealed interface Split {}

    /** Child device name (as the gateway knows it) to that child's payload, in message order. */
    public record Children(Map<String, byte[]> payloads) implements Split {
        public Children {
            payloads = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(payloads));
        }
    }

    public record Undecodable(String reason) implements Split {}

    public static Split split(byte[] payload) {
        if (payload == null || payload.length == 0 || PayloadJson.blank(payload)) {
            return new Undecodable("empty payload");
        }
        try {
            JsonNode root = PayloadJson.read(payload);
            if (!root.isObject()) {
                return new Undecodable("a gateway message is a JSON object of child devices");
            }
            if (root.isEmpty()) {
                return new Undecodable("no child devices");
            }
            if (root.size() > MAX_CHILDREN) {
                return new Undecodable("more than " + MAX_CHILDREN + " child devices in one message");
            }
            Map<String, byte[]> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                JsonNode samples = e.getValue();
                if (e.getKey().isBlank()) {
                    return new Undecodable("a child device has a blank name");
                }
                if (!samples.isArray() && !samples.isObject()) {
                    return new Undecodable("child " + PayloadProblem.quote(e.getKey())
                            + ": expected an array of samples, got " + PayloadProblem.quote(samples));
                }
                out.put(e.getKey(), PayloadJson.MAPPER.writeValueAsBytes(samples));
            }
            return new Children(out);
        } catch (PayloadProblem p) {
            return new Undecodable(p.getMessage());
        }
    }
}
