package org.cityos.workflow.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityos.workflow.ScheduledTimer;
import org.cityos.workflow.TimerKey;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code workflow_timer} table. Every statement joins the caller's transaction, if there is one. */
public final class TimerStore {
    /**
     * Due, unparked timers in due order, locked; SKIP LOCKED passes over rows another runner is firing instead of
     * waiting for them, which is what lets N nodes share the table. Walks {@code workflow_timer_due_idx}.
     */
    public static final String CLAIM = """
            SELECT kind, subject, name, due_at, CAST(data AS text) AS data, attempts, revision
            FROM workflow_timer
            WHERE NOT parked AND next_attempt_at <= :now
            ORDER BY next_attempt_at
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """;

    private static final String CLAIM_ONE = """
            SELECT kind, subject, name, due_at, CAST(data AS text) AS data, attempts, revision
            FROM workflow_timer
            WHERE kind = :kind AND subject = :subject AND name = :name AND revision = :revision AND NOT parked
            FOR UPDATE SKIP LOCKED
            """;

    private final JdbcClient jdbc;

    public TimerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A timer as a runner holds it: {@code revision} identifies this scheduling of the key. */
    public record Claimed(TimerKey key, Instant dueAt, Map<String, String> data, int attempts, long revision) {}

    /** Inserts or replaces the timer; a replaced timer starts afresh (no attempts, not parked). */
    public void upsert(TimerKey key, Instant dueAt, Map<String, String> data) {
        jdbc.sql("""
                        INSERT INTO workflow_timer (kind, subject, name, due_at, data, next_attempt_at, revision)
                        VALUES (:kind, :subject, :name, :due, CAST(:data AS jsonb), :due,
                                nextval('workflow_timer_revision'))
                        ON CONFLICT (kind, subject, name) DO UPDATE
                        SET due_at = EXCLUDED.due_at, data = EXCLUDED.data, attempts = 0, last_error = NULL,
                            next_attempt_at = EXCLUDED.next_attempt_at, parked = false, revision = EXCLUDED.revision
                        """)
                .param("kind", key.kind())
                .param("subject", key.subject())
                .param("name", key.name())
                .param("due", utc(dueAt))
                .param("data", DataJson.write(data))
                .update();
    }

    public boolean delete(TimerKey key) {
        return jdbc.sql("DELETE FROM workflow_timer WHERE kind = :kind AND subject = :subject AND name = :name")
                        .param("kind", key.kind())
                        .param("subject", key.subject())
                        .param("name", key.name())
                        .update()
                > 0;
    }

    public int deleteAll(String kind, String subject) {
        return jdbc.sql("DELETE FROM workflow_timer WHERE kind = :kind AND subject = :subject")
                .param("kind", kind)
                .param("subject", subject)
                .update();
    }

    public List<ScheduledTimer> list(String kind, String subject) {
        return jdbc.sql("""
                        SELECT kind, subject, name, due_at, CAST(data AS text) AS data, attempts, revision
                        FROM workflow_timer WHERE kind = :kind AND subject = :subject
                        ORDER BY due_at, name
                        """)
                .param("kind", kind)
                .param("subject", subject)
                .query((rs, row) -> {
                    Claimed c = claimed(rs);
                    return new ScheduledTimer(c.key(), c.dueAt(), c.data(), c.attempts());
                })
                .list();
    }

    /** Locks up to {@code limit} due timers for the current transaction. */
    public List<Claimed> claim(Instant now, int limit) {
        return jdbc.sql(CLAIM)
                .param("now", utc(now))
                .param("limit", limit)
                .query((rs, row) -> claimed(rs))
                .list();
    }

    /** Locks the timer again if it still has the same revision and nobody else holds it. */
    public Optional<Claimed> claimAgain(Claimed timer) {
        return jdbc.sql(CLAIM_ONE)
                .param("kind", timer.key().kind())
                .param("subject", timer.key().subject())
                .param("name", timer.key().name())
                .param("revision", timer.revision())
                .query((rs, row) -> claimed(rs))
                .optional();
    }

    /** Deletes the fired timer unless its handler scheduled the same key again (a new revision). */
    public void deleteFired(Claimed timer) {
        jdbc.sql("""
                        DELETE FROM workflow_timer
                        WHERE kind = :kind AND subject = :subject AND name = :name AND revision = :revision
                        """)
                .param("kind", timer.key().kind())
                .param("subject", timer.key().subject())
                .param("name", timer.key().name())
                .param("revision", timer.revision())
                .update();
    }

    /**
     * Counts a failed attempt. {@code attempts = :seen} guards the path where the lock was lost with a failed
     * commit and another node may already have moved the row on.
     */
    public void failed(Claimed timer, int attempts, Instant nextAttempt, boolean park, String error) {
        jdbc.sql("""
                        UPDATE workflow_timer
                        SET attempts = :attempts, next_attempt_at = :next, parked = :park, last_error = :error
                        WHERE kind = :kind AND subject = :subject AND name = :name
                          AND revision = :revision AND attempts = :seen
                        """)
                .param("attempts", attempts)
                .param("next", utc(nextAttempt))
                .param("park", park)
                .param("error", error)
                .param("kind", timer.key().kind())
                .param("subject", timer.key().subject())
                .param("name", timer.key().name())
                .param("revision", timer.revision())
                .param("seen", timer.attempts())
                .update();
    }

    /** Makes a parked timer due now with a fresh set of attempts; false when it is not parked. */
    public boolean resume(TimerKey key, Instant now) {
        return jdbc.sql("""
                                UPDATE workflow_timer
                                SET parked = false, attempts = 0, next_attempt_at = :now
                                WHERE kind = :kind AND subject = :subject AND name = :name AND parked
                                """)
                        .param("now", utc(now))
                        .param("kind", key.kind())
                        .param("subject", key.subject())
                        .param("name", key.name())
                        .update()
                > 0;
    }

    /** Timers due by {@code now} and not yet fired: a backlog that grows means the runners fall behind. */
    public long overdue(Instant now) {
        return jdbc.sql("SELECT count(*) FROM workflow_timer WHERE NOT parked AND next_attempt_at <= :now")
                .param("now", utc(now))
                .query(Long.class)
                .single();
    }

    public long parked() {
        return jdbc.sql("SELECT count(*) FROM workflow_timer WHERE parked")
                .query(Long.class)
                .single();
    }

    private static Claimed claimed(ResultSet rs) throws SQLException {
        return new Claimed(
                new TimerKey(rs.getString("kind"), rs.getString("subject"), rs.getString("name")),
                rs.getObject("due_at", OffsetDateTime.class).toInstant(),
                DataJson.map(rs.getString("data")),
                rs.getInt("attempts"),
                rs.getLong("revision"));
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
