package org.cityos.iot.internal.mqtt;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A device's reply to a command: {@code {"ok": true, "result": "…"}}, {@code {"status": "ok"|"error"}} or, as
 * ThingsBoard devices answer, any JSON (success unless it has an {@code error} member).
 */
record CommandReply(boolean ok, String result) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static CommandReply parse(byte[] payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            if (node == null || !node.isObject()) {
                return new CommandReply(true, node == null ? null : node.toString());
            }
            if (node.has("error")) {
                return new CommandReply(
                        false, node.get("error").asString(node.get("error").toString()));
            }
            boolean ok = node.has("ok")
                    ? node.get("ok").asBoolean()
                    : !node.path("status").asString("ok").equalsIgnoreCase("error");
            JsonNode result = node.has("result") ? node.get("result") : node;
            return new CommandReply(ok, result.isString() ? result.asString() : result.toString());
        } catch (JacksonException e) {
            return new CommandReply(true, new String(payload, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
