package org.cityos.iot.persistence;

import java.util.ArrayList;
import java.util.List;
import org.cityos.iot.VideoChannelFilter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The WHERE clause of a channel filter plus the caller's division scope. Division filters and scopes
 * are prefix matches on {@code place_code} (one LIKE per prefix, so the text_pattern_ops index serves
 * each and the planner ORs bitmaps rather than scanning).
 */
record ChannelWhere(VideoChannelFilter filter, List<String> scope) {
    String sql() {
        List<String> parts = new ArrayList<>();
        if (filter.division() != null) {
            parts.add("place_code LIKE :division");
        }
        if (filter.department() != null) {
            parts.add("department = :department");
        }
        if (filter.status() != null) {
            parts.add("status = :status");
        }
        if (filter.typeCode() != null) {
            parts.add("type_code = :type");
        }
        if (filter.q() != null) {
            parts.add("name ILIKE :q ESCAPE '\\'");
        }
        if (scope != null) {
            List<String> any = new ArrayList<>();
            for (int i = 0; i < scope.size(); i++) {
                any.add("place_code LIKE :scope" + i);
            }
            parts.add(any.isEmpty() ? "false" : "(" + String.join(" OR ", any) + ")");
        }
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
        if (filter.division() != null) {
            spec = spec.param("division", filter.division().prefix() + "%");
        }
        if (filter.department() != null) {
            spec = spec.param("department", filter.department().value());
        }
        if (filter.status() != null) {
            spec = spec.param("status", filter.status().name());
        }
        if (filter.typeCode() != null) {
            spec = spec.param("type", filter.typeCode());
        }
        if (filter.q() != null) {
            spec = spec.param("q", "%" + escapeLike(filter.q()) + "%");
        }
        if (scope != null) {
            for (int i = 0; i < scope.size(); i++) {
                spec = spec.param("scope" + i, scope.get(i) + "%");
            }
        }
        return spec;
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
