package org.cityos.alerting.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityos.alerting.internal.expr.VarType;

/** A device type's properties as condition variables, each at a fixed index of the device's value vector. */
public final class TypeFacts {
    private final String code;
    private final List<String> names;
    private final List<VarType> types;
    private final Map<String, Integer> index = new HashMap<>();

    public TypeFacts(String code, LinkedHashMap<String, VarType> properties) {
        this.code = code;
        this.names = new ArrayList<>(properties.keySet());
        this.types = new ArrayList<>(properties.values());
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
    }

    public String code() {
        return code;
    }

    public int size() {
        return names.size();
    }

    public String name(int i) {
        return names.get(i);
    }

    public VarType type(int i) {
        return types.get(i);
    }

    /** The property's index, or -1. */
    public int index(String property) {
        Integer i = index.get(property);
        return i == null ? -1 : i;
    }

    public Map<String, VarType> properties() {
        Map<String, VarType> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), types.get(i));
        }
        return m;
    }
}
