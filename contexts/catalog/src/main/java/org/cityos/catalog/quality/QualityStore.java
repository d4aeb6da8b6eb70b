package org.cityos.catalog.quality;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.cityos.catalog.quality.QualityRun.RunTrigger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Bindings, imported rows, rules and runs of quality, and reading the named sources' views. */
class QualityStore {
    private static final TypeReference<Map<String, String>> ROW = new TypeReference<>() {};
    private static final TypeReference<List<Map<String, String>>> ROWS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JdbcTemplate batchJdbc;
    private final JsonMapper json;

    QualityStore(DataSource dataSource, JsonMapper json) {
        this.jdbc = JdbcClient.create(dataSource);
        this.batchJdbc = new JdbcTemplate(dataSource);
        this.json = json;
    }

    /** A rule's kind-specific parameters, stored as JSON. */
    record Definition(
            List<String> fields,
            String pattern,
            Double min,
            Double max,
            List<String> codes,
            String otherSource,
            String otherField) {}

    Optional<QualityBinding> binding(String code) {
        return jdbc.sql("SELECT * FROM catalog_quality_binding WHERE entry_code = ?")
                .param(code)
                .query((rs, n) -> new QualityBinding(
                        rs.getString("entry_code"),
                        rs.getString("source"),
                        rs.getDouble("threshold"),
                        instant(rs, "imported_at")))
                .optional();
    }

    List<QualityBinding> bindings() {
        return jdbc.sql("SELECT * FROM catalog_quality_binding ORDER BY entry_code")
                .query((rs, n) -> new QualityBinding(
                        rs.getString("entry_code"),
                        rs.getString("source"),
                        rs.getDouble("threshold"),
                        instant(rs, "imported_at")))
                .list();
    }

    void bind(String code, String source, double threshold) {
        jdbc.sql("INSERT INTO catalog_quality_binding (entry_code, source, threshold) VALUES (?, ?, ?)"
                        + " ON CONFLICT (entry_code) DO UPDATE SET source = excluded.source,"
                        + " threshold = excluded.threshold")
                .params(code, source, threshold)
                .update();
    }

    /** Replaces the entry's imported rows. */
    void replaceRows(String code, List<Map<String, String>> rows, Instant at) {
        jdbc.sql("DELETE FROM catalog_quality_row WHERE entry_code = ?")
                .param(code)
                .update();
        List<Object[]> batch = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            batch.add(new Object[] {code, i + 1, json.writeValueAsString(rows.get(i))});
        }
        // One batch, not a statement per row: uploads run to 100,000 rows.
        batchJdbc.batchUpdate(
                "INSERT INTO catalog_quality_row (entry_code, row_no, data) VALUES (?, ?, ?::jsonb)", batch);
        jdbc.sql("UPDATE catalog_quality_binding SET imported_at = ? WHERE entry_code = ?")
                .params(at.atOffset(ZoneOffset.UTC), code)
                .update();
    }

    List<Map<String, String>> importedRows(String code) {
        return jdbc.sql("SELECT data::text FROM catalog_quality_row WHERE entry_code = ? ORDER BY row_no")
                .param(code)
                .query((rs, n) -> json.readValue(rs.getString(1), ROW))
                .list();
    }

    /** Up to {@code limit} rows of a view of the allow-list, every value as text (instants in ISO form). */
    List<Map<String, String>> viewRows(QualitySource source, int limit) {
        return jdbc.sql("SELECT * FROM " + source.view() + " LIMIT ?")
                .param(limit)
                .query((rs, n) -> row(rs))
                .list();
    }

    Set<String> distinct(QualitySource source, String column) {
        // column is one of the view's own columns (checked against columns() at save), quoted all the same
        return new HashSet<>(jdbc.sql("SELECT DISTINCT \"" + column.replace("\"", "") + "\"::text FROM " + source.view()
                        + " WHERE \"" + column.replace("\"", "") + "\" IS NOT NULL")
                .query(String.class)
                .list());
    }

    /** The columns of a named source's view, empty when the view does not exist here. */
    Optional<Set<String>> columns(QualitySource source) {
        List<String> names = jdbc.sql("SELECT column_name FROM information_schema.columns"
                        + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")
                .param(source.view())
                .query(String.class)
                .list();
        return names.isEmpty() ? Optional.empty() : Optional.of(new LinkedHashSet<>(names));
    }

    QualityRule insertRule(QualityRule r, String by, Instant at) {
        Definition d =
                new Definition(r.fields(), r.pattern(), r.min(), r.max(), r.codes(), r.otherSource(), r.otherField());
        long id = jdbc.sql("INSERT INTO catalog_quality_rule (entry_code, kind, definition, threshold, weight,"
                        + " created_by, created_at) VALUES (?, ?, ?::jsonb, ?, ?, ?, ?) RETURNING id")
                .params(
                        r.entryCode(),
                        r.kind().name(),
                        json.writeValueAsString(d),
                        r.threshold(),
                        r.weight(),
                        by,
                        at.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
        return r.withId(id);
    }

    List<QualityRule> rules(String code) {
        return jdbc.sql("SELECT id, entry_code, kind, definition::text, threshold, weight FROM catalog_quality_rule"
                        + " WHERE entry_code = ? ORDER BY id")
                .param(code)
                .query((rs, n) -> {
                    Definition d = json.readValue(rs.getString(4), Definition.class);
                    return new QualityRule(
                            rs.getLong("id"),
                            rs.getString("entry_code"),
                            RuleKind.valueOf(rs.getString("kind")),
                            d.fields(),
                            d.pattern(),
                            d.min(),
                            d.max(),
                            d.codes(),
                            d.otherSource(),
                            d.otherField(),
                            rs.getDouble("threshold"),
                            rs.getDouble("weight"));
                })
                .list();
    }

    boolean deleteRule(String code, long id) {
        return jdbc.sql("DELETE FROM catalog_quality_rule WHERE entry_code = ? AND id = ?")
                        .params(code, id)
                        .update()
                == 1;
    }

    long insertRun(QualityRun r) {
        long id = jdbc.sql("INSERT INTO catalog_quality_run (entry_code, department, run_trigger, ran_at, score,"
                        + " threshold, passed, event_published) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                .params(
                        r.entryCode(),
                        r.department(),
                        r.trigger().name(),
                        r.ranAt().atOffset(ZoneOffset.UTC),
                        r.score(),
                        r.threshold(),
                        r.passed(),
                        r.eventPublished())
                .query(Long.class)
                .single();
        for (RuleResult x : r.results()) {
            jdbc.sql("INSERT INTO catalog_quality_result (run_id, rule_id, kind, checked, failed, score, passed,"
                            + " sample) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)")
                    .params(
                            id,
                            x.ruleId(),
                            x.kind().name(),
                            x.checked(),
                            x.failed(),
                            x.score(),
                            x.passed(),
                            json.writeValueAsString(x.sample()))
                    .update();
        }
        return id;
    }

    /** The entry's latest runs, newest first, without their results. */
    List<QualityRun> runs(String code, int limit) {
        return jdbc.sql("SELECT * FROM catalog_quality_run WHERE entry_code = ? ORDER BY id DESC LIMIT ?")
                .params(code, limit)
                .query((rs, n) -> run(rs, List.of()))
                .list();
    }

    /** The latest run of every resource of a department. */
    List<QualityRun> latestOfDepartment(String department) {
        return jdbc.sql("SELECT DISTINCT ON (entry_code) * FROM catalog_quality_run WHERE department = ?"
                        + " ORDER BY entry_code, id DESC")
                .param(department)
                .query((rs, n) -> run(rs, List.of()))
                .list();
    }

    List<RuleResult> results(long runId) {
        return jdbc.sql("SELECT rule_id, kind, checked, failed, score, passed, sample::text"
                        + " FROM catalog_quality_result WHERE run_id = ? ORDER BY rule_id")
                .param(runId)
                .query((rs, n) -> new RuleResult(
                        rs.getLong(1),
                        RuleKind.valueOf(rs.getString(2)),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getDouble(5),
                        rs.getBoolean(6),
                        json.readValue(rs.getString(7), ROWS)))
                .list();
    }

    private static QualityRun run(ResultSet rs, List<RuleResult> results) throws SQLException {
        return new QualityRun(
                rs.getLong("id"),
                rs.getString("entry_code"),
                rs.getString("department"),
                RunTrigger.valueOf(rs.getString("run_trigger")),
                instant(rs, "ran_at"),
                rs.getDouble("score"),
                rs.getDouble("threshold"),
                rs.getBoolean("passed"),
                rs.getBoolean("event_published"),
                results);
    }

    private static Map<String, String> row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, String> row = new HashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            String text;
            if (value == null) {
                text = null;
            } else if (value instanceof Timestamp ts) {
                text = ts.toInstant().toString();
            } else if (value instanceof java.sql.Date d) {
                text = d.toLocalDate().toString();
            } else {
                text = value.toString();
            }
            row.put(meta.getColumnLabel(i), text);
        }
        return row;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
