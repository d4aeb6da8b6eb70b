package org.cityos.iot.internal.ingest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** A member of a JSON document by JSON Pointer ({@code /data/0/imei}) or dotted path ({@code data.0.imei}). */
public final class JsonPath {
    private JsonPath() {}

    public static JsonNode at(JsonNode root, String path) {
        if (path == null || path.isEmpty() || path.equals("/") || path.equals("$")) {
            return root;
        }
        if (path.startsWith("/")) {
            return root.at(path);
        }
        String p = path.startsWith("$.") ? path.substring(2) : path;
        JsonNode node = root;
        for (String step : p.split("\\.")) {
            if (node == null || node.isMissingNode()) {
                return MissingNode.getInstance();
            }
            node = node.isArray() && step.chars().allMatch(Character::isDigit)
                    ? node.path(Integer.parseInt(step))
                    : node.path(step);
        }
        return node;
    }

    /** Whether a path is well formed (pointer or dotted, no empty steps). */
    public static boolean valid(String path) {
        if (path == null || path.isBlank() || path.length() > 200) {
            return false;
        }
        String p = path.startsWith("$.") ? path.substring(2) : path;
        return p.startsWith("/") || (!p.startsWith(".") && !p.endsWith(".") && !p.contains(".."));
    }
}
