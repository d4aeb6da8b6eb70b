package org.cityos.iot;

import tools.jackson.databind.JsonNode;

/** STUB until the normalise branch merges. */
public record PayloadMapping(JsonNode source) {
    public static PayloadMapping parse(JsonNode node) {
        return new PayloadMapping(node);
    }

    public void validate(DeviceType type) {}
}
