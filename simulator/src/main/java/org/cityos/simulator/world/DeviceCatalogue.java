package org.cityos.simulator.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The device types the simulated devices follow, read from the JSON of {@code GET /api/device-types}. */
public final class DeviceCatalogue {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Map<String, DeviceTypeSpec> types;

    public DeviceCatalogue(List<DeviceTypeSpec> types) {
        Map<String, DeviceTypeSpec> byCode = new LinkedHashMap<>();
        types.forEach(t -> byCode.put(t.code(), t));
        this.types = Map.copyOf(byCode);
    }

    public static DeviceCatalogue parse(String json) {
        JsonNode root = JSON.readTree(json);
        if (!root.isArray()) {
            throw new IllegalArgumentException("the device-type list is a JSON array");
        }
        List<DeviceTypeSpec> out = new ArrayList<>();
        for (JsonNode t : root) {
            List<DeviceTypeSpec.PropertySpec> props = new ArrayList<>();
            for (JsonNode p : t.path("properties")) {
                List<String> values = new ArrayList<>();
                p.path("values").forEach(v -> values.add(v.asString()));
                props.add(new DeviceTypeSpec.PropertySpec(
                        p.path("name").asString(),
                        p.path("unit").asString(""),
                        p.path("dataType").asString(),
                        number(p.get("min")),
                        number(p.get("max")),
                        values,
                        p.path("reportingIntervalSeconds").asInt(3600)));
            }
            out.add(new DeviceTypeSpec(
                    t.path("code").asString(),
                    t.path("domain").asString(""),
                    t.path("gateway").asBoolean(false),
                    props));
        }
        return new DeviceCatalogue(out);
    }

    private static Double number(JsonNode n) {
        return n == null || n.isNull() ? null : n.asDouble();
    }

    public Optional<DeviceTypeSpec> type(String code) {
        return Optional.ofNullable(types.get(code));
    }

    public DeviceTypeSpec require(String code) {
        return type(code).orElseThrow(() -> new IllegalArgumentException("CityOS has no device type " + code));
    }

    public List<DeviceTypeSpec> types() {
        return List.copyOf(types.values());
    }
}
