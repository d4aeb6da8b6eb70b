package org.cityos.iot.internal.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The FIWARE Smart Data Models a device type may map to, with the attribute names each model's
 * schema defines, read from the copies kept under {@code reference/smart-data-models/} (CC BY 4.0).
 */
public final class SmartDataModels {
    public static final List<String> MODELS = List.of(
            "Device",
            "Streetlight",
            "AirQualityObserved",
            "WaterObserved",
            "FloodMonitoring",
            "ParkingSpot",
            "OffStreetParking",
            "Vehicle");
    /** Attributes every model inherits from the shared GSMA/location commons that the schema only references. */
    private static final Set<String> COMMON = Set.of("name", "description", "location", "address", "dateObserved");

    private static final Map<String, Set<String>> ATTRIBUTES = load();

    private SmartDataModels() {}

    public static boolean known(String model) {
        return ATTRIBUTES.containsKey(model);
    }

    public static Optional<Set<String>> attributes(String model) {
        return Optional.ofNullable(ATTRIBUTES.get(model));
    }

    public static boolean hasAttribute(String model, String attribute) {
        Set<String> names = ATTRIBUTES.get(model);
        return names != null && (names.contains(attribute) || COMMON.contains(attribute));
    }

    private static Map<String, Set<String>> load() {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Set<String>> all = new TreeMap<>();
        for (String model : MODELS) {
            String path = "reference/smart-data-models/" + model + "/schema.json";
            try (InputStream in = SmartDataModels.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + path);
                }
                Set<String> names = new HashSet<>();
                collect(json.readTree(in), names);
                all.put(model, Set.copyOf(names));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(all);
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                names.addAll(properties.propertyNames());
            }
            node.values().forEach(child -> collect(child, names));
        } else if (node.isArray()) {
            node.values().forEach(child -> collect(child, names));
        }
    }
}
