package org.cityos.casework;

import java.util.List;
import java.util.Set;

/**
 * A question of a service definition (GeoReport v2 "attribute"). {@code variable=false} marks an informational line
 * that takes no answer; list datatypes offer {@code values}.
 */
public record ServiceAttribute(
        boolean variable,
        String code,
        String datatype,
        boolean required,
        String datatypeDescription,
        int order,
        String description,
        List<Value> values) {

    /** The datatypes the spec defines. */
    public static final Set<String> DATATYPES =
            Set.of("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist");

    public ServiceAttribute {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public boolean isList() {
        return "singlevaluelist".equals(datatype) || "multivaluelist".equals(datatype);
    }

    /** One choice of a list attribute: the key sent back, the name shown. */
    public record Value(String key, String name) {}
}
