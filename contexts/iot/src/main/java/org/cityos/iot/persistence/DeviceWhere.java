package org.cityos.iot.persistence;

import java.util.ArrayList;
import java.util.List;
import org.cityos.iot.DeviceFilter;
import org.cityos.iot.DeviceScope;

/** A WHERE clause over {@code iot_device} for a filter within a scope, with its parameters in order. */
record DeviceWhere(String sql, List<Object> params) {
    static DeviceWhere of(DeviceFilter f, DeviceScope scope) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!scope.everything()) {
            // Separate ORs (not LIKE ANY) so each prefix can use the text_pattern_ops index.
            List<String> any = new ArrayList<>();
            for (String prefix : scope.divisionPrefixes()) {
                any.add("division LIKE ?");
                params.add(prefix + "%");
            }
            if (!scope.departments().isEmpty()) {
                any.add("department = ANY (CAST(? AS text[]))");
                params.add(scope.departments().toArray(String[]::new));
                any.add("shared_with && CAST(? AS text[])");
                params.add(scope.departments().toArray(String[]::new));
            }
            parts.add(any.isEmpty() ? "false" : "(" + String.join(" OR ", any) + ")");
        }
        if (f.typeCode() != null) {
            parts.add("type_code = ?");
            params.add(f.typeCode());
        }
        if (f.state() != null) {
            parts.add("state = ?");
            params.add(f.state().name());
        }
        if (f.division() != null) {
            parts.add("division LIKE ?");
            params.add(f.division().prefix() + "%");
        }
        if (f.department() != null) {
            parts.add("department = ?");
            params.add(f.department().value());
        }
        if (f.tag() != null) {
            parts.add("tags @> CAST(? AS text[])");
            params.add(new String[] {f.tag()});
        }
        if (f.q() != null && !f.q().isBlank()) {
            String q = f.q().strip();
            parts.add("(lower(name) LIKE ? OR serial = ? OR id = ?)");
            params.add(escape(q.toLowerCase(java.util.Locale.ROOT)) + "%");
            params.add(q);
            params.add(q);
        }
        return new DeviceWhere(parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts), params);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
