package org.cityos.casework.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A search over cases, already narrowed to what the actor may see: everything ({@code all}), cases in divisions
 * under the given prefixes, cases ever assigned to the given units, or cases the actor reported.
 */
public record CaseQuery(
        boolean all,
        List<String> divisionPrefixes,
        List<String> units,
        String reportedBy,
        List<String> statuses,
        String channel,
        String categoryPrefix,
        String divisionPrefix,
        String mainUnit,
        Boolean overdue,
        String text,
        Instant receivedFrom,
        Instant receivedTo) {

    public record Where(String sql, List<Object> params) {}

    Where where() {
        StringBuilder sql = new StringBuilder("TRUE");
        List<Object> params = new ArrayList<>();
        if (!all) {
            List<String> seen = new ArrayList<>();
            for (String prefix : divisionPrefixes) {
                seen.add("c.division_code LIKE ?");
                params.add(prefix + "%");
            }
            if (!units.isEmpty()) {
                seen.add("c.id IN (SELECT a.case_id FROM casework_assignment a WHERE a.unit = ANY (?))");
                params.add(units.toArray(String[]::new));
            }
            if (reportedBy != null) {
                seen.add("c.reported_by = ?");
                params.add(reportedBy);
            }
            sql.append(seen.isEmpty() ? " AND FALSE" : " AND (" + String.join(" OR ", seen) + ")");
        }
        if (statuses != null && !statuses.isEmpty()) {
            sql.append(" AND c.status = ANY (?)");
            params.add(statuses.toArray(String[]::new));
        }
        add(sql, params, "c.channel = ?", channel);
        add(sql, params, "c.category_code LIKE ?", categoryPrefix == null ? null : categoryPrefix + "%");
        add(sql, params, "c.division_code LIKE ?", divisionPrefix == null ? null : divisionPrefix + "%");
        add(sql, params, "c.main_unit = ?", mainUnit);
        if (Boolean.TRUE.equals(overdue)) {
            sql.append(" AND (c.response_overdue OR c.resolution_overdue)");
        }
        if (text != null && !text.isBlank()) {
            // Free text, or exactly a case number or an external id (a hotline ticket, an alarm id).
            sql.append(" AND (c.title LIKE ? OR c.content LIKE ? OR c.number = ? OR c.external_id = ?)");
            String like = "%" + text.strip().replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
            params.add(text.strip());
            params.add(text.strip());
        }
        add(sql, params, "c.received_at >= ?", receivedFrom == null ? null : CaseRepository.ts(receivedFrom));
        add(sql, params, "c.received_at < ?", receivedTo == null ? null : CaseRepository.ts(receivedTo));
        return new Where(sql.toString(), params);
    }

    private static void add(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            params.add(value);
        }
    }
}
