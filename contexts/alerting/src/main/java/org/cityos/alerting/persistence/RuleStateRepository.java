package org.cityos.alerting.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The engine's per-subject state, kept so that a restart resumes running durations and windows. */
@Repository
public class RuleStateRepository {
    private final JdbcClient jdbc;

    public RuleStateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored state: JSON of the engine's snapshot. */
    public record StateRow(String ruleId, int ruleVersion, String subject, String json) {}

    public void save(List<StateRow> rows, Instant at) {
        for (StateRow r : rows) {
            if (r.json() == null) {
                jdbc.sql("DELETE FROM alerting_rule_state WHERE rule_id = ? AND subject = ?")
                        .params(r.ruleId(), r.subject())
                        .update();
            } else {
                jdbc.sql("INSERT INTO alerting_rule_state (rule_id, subject, rule_version, state, updated_at)"
                                + " VALUES (?, ?, ?, ?::jsonb, ?) ON CONFLICT (rule_id, subject) DO UPDATE"
                                + " SET rule_version = EXCLUDED.rule_version, state = EXCLUDED.state,"
                                + " updated_at = EXCLUDED.updated_at")
                        .params(r.ruleId(), r.subject(), r.ruleVersion(), r.json(), Timestamp.from(at))
                        .update();
            }
        }
    }

    public List<StateRow> all() {
        return jdbc.sql("SELECT rule_id, rule_version, subject, state::text FROM alerting_rule_state")
                .query((rs, i) -> new StateRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .list();
    }
}
