package org.cityos.alerting.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rules as rows: the definition is the draft as JSON; optimistic locking by version. */
@Repository
public class RuleRepository {
    private static final String COLUMNS = "id, name, kind, severity, definition::text AS definition, enabled, failure,"
            + " template, version, created_by, created_at, updated_at";

    private final JdbcClient jdbc;

    public RuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A rule row; {@code definition} is the draft's JSON. */
    public record RuleRow(
            String id,
            String name,
            String kind,
            String severity,
            String definition,
            boolean enabled,
            String failure,
            String template,
            int version,
            String createdBy,
            Instant createdAt,
            Instant updatedAt) {}

    public void insert(RuleRow r, List<String> divisions) {
        jdbc.sql("INSERT INTO alerting_rule (id, name, kind, severity, definition, divisions, enabled, failure,"
                        + " template, version, created_by, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.id(),
                        r.name(),
                        r.kind(),
                        r.severity(),
                        r.definition(),
                        divisions.toArray(String[]::new),
                        r.enabled(),
                        r.failure(),
                        r.template(),
                        r.version(),
                        r.createdBy(),
                        ts(r.createdAt()),
                        ts(r.updatedAt()))
                .update();
    }

    /** Replaces the definition if the version still matches; false when someone changed it first. */
    public boolean update(RuleRow r, List<String> divisions, int expectedVersion) {
        return jdbc.sql("UPDATE alerting_rule SET name = ?, kind = ?, severity = ?, definition = ?::jsonb,"
                                + " divisions = ?, enabled = ?, failure = ?, version = version + 1, updated_at = ?"
                                + " WHERE id = ? AND version = ?")
                        .params(
                                r.name(),
                                r.kind(),
                                r.severity(),
                                r.definition(),
                                divisions.toArray(String[]::new),
                                r.enabled(),
                                r.failure(),
                                ts(r.updatedAt()),
                                r.id(),
                                expectedVersion)
                        .update()
                == 1;
    }

    /** Turns the rule on or off (a failure reason turns it off). */
    public boolean switchTo(String id, boolean enabled, String failure, Instant at) {
        return jdbc.sql("UPDATE alerting_rule SET enabled = ?, failure = ?, version = version + 1, updated_at = ?"
                                + " WHERE id = ?")
                        .params(enabled, failure, ts(at), id)
                        .update()
                == 1;
    }

    public boolean delete(String id) {
        jdbc.sql("DELETE FROM alerting_rule_state WHERE rule_id = ?").param(id).update();
        return jdbc.sql("DELETE FROM alerting_rule WHERE id = ?").param(id).update() == 1;
    }

    public Optional<RuleRow> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alerting_rule WHERE id = ?")
                .param(id)
                .query(RuleRepository::map)
                .optional();
    }

    public List<RuleRow> enabled() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alerting_rule WHERE enabled ORDER BY id")
                .query(RuleRepository::map)
                .list();
    }

    /**
     * Rules visible in the prefixes (null = all): district-wide rules and rules whose divisions meet the scope.
     */
    public List<RuleRow> list(String kind, Boolean enabled, String text, String template) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (kind != null) {
            where.append(" AND kind = ?");
            params.add(kind);
        }
        if (enabled != null) {
            where.append(" AND enabled = ?");
            params.add(enabled);
        }
        if (template != null) {
            where.append(" AND template = ?");
            params.add(template);
        }
        if (text != null && !text.isBlank()) {
            where.append(" AND name ILIKE ?");
            params.add("%" + text.strip() + "%");
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM alerting_rule" + where + " ORDER BY created_at DESC, id")
                .params(params)
                .query(RuleRepository::map)
                .list();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static RuleRow map(ResultSet rs, int row) throws SQLException {
        return new RuleRow(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("kind"),
                rs.getString("severity"),
                rs.getString("definition"),
                rs.getBoolean("enabled"),
                rs.getString("failure"),
                rs.getString("template"),
                rs.getInt("version"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
