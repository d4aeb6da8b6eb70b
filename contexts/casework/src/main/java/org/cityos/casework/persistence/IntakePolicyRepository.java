package org.cityos.casework.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Intake policies: which events of other contexts become cases, of which category and urgency. */
@Repository
public class IntakePolicyRepository {
    public record PolicyRow(
            long id,
            String source,
            String matchKey,
            String matchValue,
            String categoryCode,
            String urgency,
            String minSeverity,
            boolean enabled,
            int version) {}

    private final JdbcClient jdbc;

    public IntakePolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PolicyRow> of(String source) {
        return jdbc.sql("SELECT id, source, match_key, match_value, category_code, urgency, min_severity, enabled,"
                        + " version FROM casework_intake_policy WHERE source = ? ORDER BY id")
                .param(source)
                .query((rs, n) -> new PolicyRow(
                        rs.getLong("id"),
                        rs.getString("source"),
                        rs.getString("match_key"),
                        rs.getString("match_value"),
                        rs.getString("category_code"),
                        rs.getString("urgency"),
                        rs.getString("min_severity"),
                        rs.getBoolean("enabled"),
                        rs.getInt("version")))
                .list();
    }

    public List<PolicyRow> all() {
        return jdbc
                .sql("SELECT DISTINCT source FROM casework_intake_policy ORDER BY source")
                .query(String.class)
                .list()
                .stream()
                .flatMap(s -> of(s).stream())
                .toList();
    }

    public Optional<PolicyRow> find(long id) {
        return all().stream().filter(p -> p.id() == id).findFirst();
    }

    public long insert(PolicyRow p) {
        return jdbc.sql("INSERT INTO casework_intake_policy (source, match_key, match_value, category_code, urgency,"
                        + " min_severity, enabled) VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (source, match_key, match_value) DO NOTHING RETURNING id")
                .params(
                        p.source(),
                        p.matchKey(),
                        p.matchValue(),
                        p.categoryCode(),
                        p.urgency(),
                        p.minSeverity(),
                        p.enabled())
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    public boolean update(PolicyRow p) {
        return jdbc.sql("UPDATE casework_intake_policy SET category_code = ?, urgency = ?, min_severity = ?,"
                                + " enabled = ?, version = version + 1 WHERE id = ? AND version = ?")
                        .params(p.categoryCode(), p.urgency(), p.minSeverity(), p.enabled(), p.id(), p.version())
                        .update()
                == 1;
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM casework_intake_policy WHERE id = ?")
                        .param(id)
                        .update()
                == 1;
    }
}
