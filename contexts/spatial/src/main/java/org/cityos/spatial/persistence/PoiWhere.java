package org.cityos.spatial.persistence;

import java.util.ArrayList;
import java.util.List;
import org.cityos.spatial.PoiFilter;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The WHERE clause of a filter plus scope, with its parameters. */
record PoiWhere(PoiFilter filter, List<String> scope) {
    String sql() {
        List<String> parts = new ArrayList<>();
        if (filter.classCode() != null) {
            parts.add("class_code = :class");
        }
        if (filter.division() != null) {
            parts.add("(division_code LIKE :division OR grid_code LIKE :division)");
        }
        if (scope != null) {
            parts.add("(division_code LIKE ANY(:scope) OR grid_code LIKE ANY(:scope))");
        }
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
        if (filter.classCode() != null) {
            spec = spec.param("class", filter.classCode());
        }
        if (filter.division() != null) {
            spec = spec.param("division", filter.division().prefix() + "%");
        }
        if (scope != null) {
            spec = spec.param("scope", scope.stream().map(p -> p + "%").toArray(String[]::new));
        }
        return spec;
    }
}
