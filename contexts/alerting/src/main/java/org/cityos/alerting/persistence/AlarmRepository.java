package org.cityos.alerting.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Alarms and their steps. Writes expect the caller's transaction; open-alarm reads lock the row. */
@Repository
public class AlarmRepository {
    private static final String COLUMNS = "id, rule_id, rule_version, rule_name, template, kind, severity, subject,"
            + " device_id, device_type, division, lon, lat, title, detail::text AS detail, status, raised_at,"
            + " last_seen_at, repeat_count, acknowledged_by, acknowledged_at, cleared_by, cleared_at, resolved_by,"
            + " resolved_at, escalation_level, escalate_at, escalated_at, flapping, flap_count, clear_pending_since,"
            + " version";
    private static final String OPEN = "status IN ('RAISED', 'ACKNOWLEDGED')";

    private final JdbcClient jdbc;

    public AlarmRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current transaction commits without waiting for its WAL to reach the disk (PostgreSQL 15 and 17). */
    public void commitLazily() {
        jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
    }

    public void insert(AlarmRow a) {
        jdbc.sql("INSERT INTO alerting_alarm (id, rule_id, rule_version, rule_name, template, kind, severity, subject,"
                        + " device_id, device_type, division, lon, lat, title, detail, status, raised_at, last_seen_at,"
                        + " repeat_count, escalation_level, escalate_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, 0, 0, ?, 1)")
                .params(
                        a.id(),
                        a.ruleId(),
                        a.ruleVersion(),
                        a.ruleName(),
                        a.template(),
                        a.kind(),
                        a.severity(),
                        a.subject(),
                        a.deviceId(),
                        a.deviceType(),
                        a.division(),
                        a.lon(),
                        a.lat(),
                        a.title(),
                        a.detail(),
                        a.status(),
                        ts(a.raisedAt()),
                        ts(a.lastSeenAt()),
                        ts(a.escalateAt()))
                .update();
    }

    /** The open alarm of the rule for the subject, locked. */
    public Optional<AlarmRow> lockOpen(String ruleId, String subject) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alerting_alarm WHERE rule_id = ? AND subject = ? AND " + OPEN
                        + " FOR UPDATE")
                .params(ruleId, subject)
                .query(AlarmRepository::map)
                .optional();
    }

    /** The latest alarm of the rule for the subject that CityOS cleared by itself at or after {@code since}. */
    public Optional<AlarmRow> lockRecentlyCleared(String ruleId, String subject, Instant since) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alerting_alarm WHERE rule_id = ? AND subject = ?"
                        + " AND status = 'CLEARED' AND cleared_by IS NULL AND cleared_at >= ?"
                        + " ORDER BY cleared_at DESC LIMIT 1 FOR UPDATE")
                .params(ruleId, subject, ts(since))
                .query(AlarmRepository::map)
                .optional();
    }

    public Optional<AlarmRow> find(String id, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alerting_alarm WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
                .param(id)
                .query(AlarmRepository::map)
                .optional();
    }

    private void set(String id, String assignments, Object... params) {
        List<Object> all = new ArrayList<>(java.util.Arrays.asList(params));
        all.add(id);
        jdbc.sql("UPDATE alerting_alarm SET " + assignments + ", version = version + 1 WHERE id = ?")
                .params(all)
                .update();
    }

    /** The rule found the condition again while the alarm is open. */
    public void repeated(String id, Instant at, String detail) {
        set(
                id,
                "repeat_count = repeat_count + 1, last_seen_at = ?, clear_pending_since = NULL,"
                        + " detail = COALESCE(?::jsonb, detail)",
                ts(at),
                detail);
    }

    public void acknowledged(String id, String by, Instant at) {
        set(id, "status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = ?, escalate_at = NULL", by, ts(at));
    }

    public void cleared(String id, String by, Instant at) {
        set(
                id,
                "status = 'CLEARED', cleared_by = ?, cleared_at = ?, escalate_at = NULL, flapping = false,"
                        + " clear_pending_since = NULL",
                by,
                ts(at));
    }

    public void resolved(String id, String by, Instant at) {
        set(
                id,
                "status = 'RESOLVED', resolved_by = ?, resolved_at = ?, escalate_at = NULL, flapping = false,"
                        + " clear_pending_since = NULL",
                by,
                ts(at));
    }

    /** Came back soon after CityOS cleared it: open again, one more flap. */
    public void reopened(String id, Instant at, Instant escalateAt, boolean flapping, String detail) {
        set(
                id,
                "status = 'RAISED', cleared_at = NULL, acknowledged_by = NULL, acknowledged_at = NULL,"
                        + " last_seen_at = ?, repeat_count = repeat_count + 1, flap_count = flap_count + 1, escalate_at = ?,"
                        + " flapping = ?, detail = COALESCE(?::jsonb, detail)",
                ts(at),
                ts(escalateAt),
                flapping,
                detail);
    }

    /** The condition went normal while flapping: wait for it to settle before clearing. */
    public void clearPending(String id, Instant since) {
        set(id, "clear_pending_since = COALESCE(clear_pending_since, ?)", ts(since));
    }

    public void escalated(String id, int level, Instant at, Instant next) {
        set(id, "escalation_level = ?, escalated_at = ?, escalate_at = ?", level, ts(at), ts(next));
    }

    public void step(String alarmId, String action, String actor, String note, Instant at) {
        jdbc.sql("INSERT INTO alerting_alarm_step (alarm_id, action, actor, note, at) VALUES (?, ?, ?, ?, ?)")
                .params(alarmId, action, actor, note, ts(at))
                .update();
    }

    public List<Step> steps(String alarmId) {
        return jdbc.sql("SELECT action, actor, note, at FROM alerting_alarm_step WHERE alarm_id = ? ORDER BY id")
                .param(alarmId)
                .query((rs, i) -> new Step(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** A step of an alarm's life. */
    public record Step(String action, String actor, String note, Instant at) {}

    /** Unacknowledged alarms whose escalation time has come, locked, skipping rows another node holds. */
    public List<AlarmRow> lockDueForEscalation(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alerting_alarm WHERE status = 'RAISED' AND escalate_at <= ?"
                        + " ORDER BY escalate_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(ts(now), limit)
                .query(AlarmRepository::map)
                .list();
    }

    /** Flapping alarms whose condition has been normal since before {@code settledBefore}. */
    public List<AlarmRow> lockSettled(Instant settledBefore, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alerting_alarm WHERE flapping AND " + OPEN
                        + " AND clear_pending_since <= ? LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(ts(settledBefore), limit)
                .query(AlarmRepository::map)
                .list();
    }

    /** Rule and subject of every open alarm (the engine's starting knowledge). */
    public List<String[]> openSubjects() {
        return jdbc.sql("SELECT rule_id, subject FROM alerting_alarm WHERE " + OPEN)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
    }

    public Page<AlarmRow> search(AlarmQuery q, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (q.statuses() != null && !q.statuses().isEmpty()) {
            where.append(" AND status = ANY (?)");
            params.add(q.statuses().toArray(String[]::new));
        }
        if (q.severities() != null && !q.severities().isEmpty()) {
            where.append(" AND severity = ANY (?)");
            params.add(q.severities().toArray(String[]::new));
        }
        if (q.ruleId() != null) {
            where.append(" AND rule_id = ?");
            params.add(q.ruleId());
        }
        if (q.deviceId() != null) {
            where.append(" AND device_id = ?");
            params.add(q.deviceId());
        }
        if (q.division() != null) {
            where.append(" AND division LIKE ?");
            params.add(q.division() + "%");
        }
        if (q.from() != null) {
            where.append(" AND raised_at >= ?");
            params.add(ts(q.from()));
        }
        if (q.to() != null) {
            where.append(" AND raised_at < ?");
            params.add(ts(q.to()));
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" AND (title ILIKE ? OR rule_name ILIKE ?)");
            String like = "%" + q.text().strip().replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
        }
        if (q.divisionPrefixes() != null) {
            where.append(" AND division LIKE ANY (?)");
            params.add(q.divisionPrefixes().stream().map(p -> p + "%").toArray(String[]::new));
        }
        long total = jdbc.sql("SELECT count(*) FROM alerting_alarm" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(page.limit());
        paged.add(page.offset());
        List<AlarmRow> rows = jdbc.sql("SELECT " + COLUMNS + " FROM alerting_alarm" + where
                        + " ORDER BY raised_at DESC, id LIMIT ? OFFSET ?")
                .params(paged)
                .query(AlarmRepository::map)
                .list();
        return new Page<>(rows, total, page.offset(), page.limit());
    }

    /** Counts of alarms raised since {@code from} by severity and of open alarms, within the prefixes. */
    public List<Object[]> counts(Instant from, List<String> prefixes) {
        String scope = prefixes == null ? "" : " AND division LIKE ANY (?)";
        List<Object> params = new ArrayList<>();
        params.add(ts(from));
        if (prefixes != null) {
            params.add(prefixes.stream().map(p -> p + "%").toArray(String[]::new));
        }
        return jdbc.sql("SELECT severity, count(*) FILTER (WHERE raised_at >= ?), count(*) FILTER (WHERE " + OPEN
                        + ") FROM alerting_alarm WHERE true" + scope + " GROUP BY severity")
                .params(params)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3)})
                .list();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant at(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Double dbl(ResultSet rs, String column) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? null : d;
    }

    static AlarmRow map(ResultSet rs, int row) throws SQLException {
        return new AlarmRow(
                rs.getString("id"),
                rs.getString("rule_id"),
                rs.getInt("rule_version"),
                rs.getString("rule_name"),
                rs.getString("template"),
                rs.getString("kind"),
                rs.getString("severity"),
                rs.getString("subject"),
                rs.getString("device_id"),
                rs.getString("device_type"),
                rs.getString("division"),
                dbl(rs, "lon"),
                dbl(rs, "lat"),
                rs.getString("title"),
                rs.getString("detail"),
                rs.getString("status"),
                at(rs, "raised_at"),
                at(rs, "last_seen_at"),
                rs.getInt("repeat_count"),
                rs.getString("acknowledged_by"),
                at(rs, "acknowledged_at"),
                rs.getString("cleared_by"),
                at(rs, "cleared_at"),
                rs.getString("resolved_by"),
                at(rs, "resolved_at"),
                rs.getInt("escalation_level"),
                at(rs, "escalate_at"),
                at(rs, "escalated_at"),
                rs.getBoolean("flapping"),
                rs.getInt("flap_count"),
                at(rs, "clear_pending_since"),
                rs.getInt("version"));
    }
}
