package org.cityos.casework.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cityos.casework.DeadlinePolicy;
import org.cityos.casework.TimeLimit;
import org.cityos.casework.Urgency;
import org.cityos.casework.WarnBefore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Deadline policies in {@code casework_deadline_policy}, changed under optimistic locking by {@code version}. */
@Repository
public class DeadlinePolicyRepository {
    private static final String COLUMNS =
            "category_prefix, urgency, response_limit, resolution_limit, warn_before, version";
    private final JdbcClient jdbc;

    public DeadlinePolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<DeadlinePolicy> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_deadline_policy ORDER BY category_prefix, urgency")
                .query(DeadlinePolicyRepository::policy)
                .list();
    }

    public Optional<DeadlinePolicy> find(String categoryPrefix, Urgency urgency) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM casework_deadline_policy WHERE category_prefix = ? AND urgency = ?")
                .params(categoryPrefix, urgency.name())
                .query(DeadlinePolicyRepository::policy)
                .optional();
    }

    public void insert(DeadlinePolicy p, String by, Instant now) {
        jdbc.sql("INSERT INTO casework_deadline_policy (category_prefix, urgency, response_limit, resolution_limit,"
                        + " warn_before, version, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)")
                .params(
                        p.categoryPrefix(),
                        p.urgency().name(),
                        p.response().toString(),
                        p.resolution().toString(),
                        p.warnBefore().toString(),
                        by,
                        Timestamp.from(now))
                .update();
    }

    /** False when the policy is gone or no longer at {@code expectedVersion}. */
    public boolean update(DeadlinePolicy p, int expectedVersion, String by, Instant now) {
        return jdbc.sql("UPDATE casework_deadline_policy SET response_limit = ?, resolution_limit = ?,"
                                + " warn_before = ?, version = version + 1, updated_by = ?, updated_at = ?"
                                + " WHERE category_prefix = ? AND urgency = ? AND version = ?")
                        .params(
                                p.response().toString(),
                                p.resolution().toString(),
                                p.warnBefore().toString(),
                                by,
                                Timestamp.from(now),
                                p.categoryPrefix(),
                                p.urgency().name(),
                                expectedVersion)
                        .update()
                == 1;
    }

    /** False when the policy is gone or no longer at {@code expectedVersion}. */
    public boolean delete(String categoryPrefix, Urgency urgency, int expectedVersion) {
        return jdbc.sql(
                                "DELETE FROM casework_deadline_policy WHERE category_prefix = ? AND urgency = ? AND version = ?")
                        .params(categoryPrefix, urgency.name(), expectedVersion)
                        .update()
                == 1;
    }

    /** A digest of the whole (small) table, versions included, so any change elsewhere shows. */
    public String fingerprint() {
        return jdbc.sql("SELECT md5(coalesce(string_agg(category_prefix || '/' || urgency || '/' || version || '/'"
                        + " || response_limit || '/' || resolution_limit || '/' || warn_before, ','"
                        + " ORDER BY category_prefix, urgency), '')) FROM casework_deadline_policy")
                .query(String.class)
                .single();
    }

    private static DeadlinePolicy policy(ResultSet rs, int row) throws SQLException {
        return new DeadlinePolicy(
                rs.getString(1),
                Urgency.valueOf(rs.getString(2)),
                TimeLimit.parse(rs.getString(3)).orElseThrow(),
                TimeLimit.parse(rs.getString(4)).orElseThrow(),
                WarnBefore.parse(rs.getString(5)).orElseThrow(),
                rs.getInt(6));
    }
}
