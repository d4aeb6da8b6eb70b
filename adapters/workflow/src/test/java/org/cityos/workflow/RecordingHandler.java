package org.cityos.workflow;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A timer handler that writes a row per firing into {@code timer_fired} inside the firing transaction (its primary
 * key refuses a second firing of the same timer), counts its calls, and fails on request after writing, so that a
 * test sees whether a failure's write was undone.
 */
final class RecordingHandler implements TimerHandler {
    static final String KIND = "test.remind";
    static final String TABLE = """
            CREATE TABLE timer_fired (
                kind text NOT NULL, subject text NOT NULL, name text NOT NULL, due_at timestamptz NOT NULL,
                node text NOT NULL, fired_at timestamptz NOT NULL, data text NOT NULL,
                PRIMARY KEY (kind, subject, name, due_at))
            """;

    private final String node;
    private final JdbcClient jdbc;
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    /** Subject → how many more calls fail (after writing). */
    final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>();

    volatile TimerHandlerStep then = timer -> {};

    RecordingHandler(String node, JdbcClient jdbc) {
        this.node = node;
        this.jdbc = jdbc;
    }

    /** Something a test adds to the firing, inside its transaction. */
    interface TimerHandlerStep {
        void accept(FiredTimer timer) throws Exception;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void fire(FiredTimer timer) throws Exception {
        calls.computeIfAbsent(timer.key().subject() + "/" + timer.key().name(), k -> new AtomicInteger())
                .incrementAndGet();
        jdbc.sql("""
                        INSERT INTO timer_fired (kind, subject, name, due_at, node, fired_at, data)
                        VALUES (:kind, :subject, :name, :due, :node, :firedAt, :data)
                        """)
                .param("kind", timer.key().kind())
                .param("subject", timer.key().subject())
                .param("name", timer.key().name())
                .param("due", OffsetDateTime.ofInstant(timer.dueAt(), ZoneOffset.UTC))
                .param("node", node)
                .param("firedAt", OffsetDateTime.ofInstant(timer.firedAt(), ZoneOffset.UTC))
                .param("data", new TreeMap<>(timer.data()).toString())
                .update();
        Integer left = failuresLeft.computeIfPresent(timer.key().subject(), (k, n) -> n - 1);
        if (left != null && left >= 0) {
            throw new Exception("scripted failure of " + timer.key());
        }
        then.accept(timer);
    }

    int callsOf(String subject, String name) {
        AtomicInteger n = calls.get(subject + "/" + name);
        return n == null ? 0 : n.get();
    }
}
