package org.cityos.iot.internal.normalise;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cityos.iot.DeviceProperty;
import org.cityos.iot.DeviceType;

/**
 * A device type's properties by name and by Smart Data Model attribute, built once per type version so
 * that looking a member up costs one hash probe instead of a scan of the property list.
 */
final class TypeVocabulary {
    /** Types are few (tens); a bound still keeps a stream of edited versions from growing the cache forever. */
    private static final int MAX_CACHED = 4096;

    private static final Map<String, TypeVocabulary> CACHE = new ConcurrentHashMap<>();

    private final String key;
    private final Map<String, Slot> byName = new HashMap<>();
    private final Map<String, Slot> byAttribute = new HashMap<>();

    private TypeVocabulary(DeviceType type, String key) {
        this.key = key;
        for (DeviceProperty p : type.properties()) {
            Slot s = Slot.of(p);
            byName.put(p.name(), s);
            if (p.modelAttribute() != null) {
                byAttribute.put(p.modelAttribute(), s);
            }
        }
    }

    static TypeVocabulary of(DeviceType type) {
        String key = type.code() + '@' + type.version();
        TypeVocabulary v = CACHE.get(key);
        if (v == null) {
            if (CACHE.size() >= MAX_CACHED) {
                CACHE.clear();
            }
            v = CACHE.computeIfAbsent(key, k -> new TypeVocabulary(type, k));
        }
        return v;
    }

    String key() {
        return key;
    }

    /** The property of this name, or null. */
    Slot byName(String name) {
        return byName.get(name);
    }

    /** The property an NGSI attribute maps to: by model attribute first, then by property name; or null. */
    Slot byAttribute(String attribute) {
        Slot s = byAttribute.get(attribute);
        return s != null ? s : byName.get(attribute);
    }
}
