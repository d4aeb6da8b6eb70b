package org.cityos.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cityos.testkit.MutableClock;
import org.cityos.testkit.TestDatabase;
import org.cityos.workflow.internal.TimerRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runner threads as a node runs them: timers outlive a restart, and a local schedule wakes the runner early. */
class RestartIT {
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    private final MutableClock clock = MutableClock.at("2026-11-25T08:00:00Z");
    private TestDatabase database;

    @BeforeEach
    void setUp() {
        database = TestDatabase.migrated(6, "classpath:db/migration/workflow");
        database.jdbc().sql(RecordingHandler.TABLE).update();
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void timersScheduledBeforeARestartFireAfterIt() {
        WorkflowProperties running = WorkflowProperties.defaults().withPoll(Duration.ofMillis(50));
        try (WorkflowNode before = node("before", running)) {
            for (int i = 0; i < 20; i++) {
                before.timers.schedule(
                        new TimerKey(RecordingHandler.KIND, "case-" + i, "overdue"),
                        T0.plus(Duration.ofHours(1)),
                        Map.of());
            }
            assertThat(before.timers.pending(RecordingHandler.KIND, "case-0")).hasSize(1);
        }
        clock.advance(Duration.ofHours(2));

        try (WorkflowNode after = node("after", running)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> count("SELECT count(*) FROM timer_fired WHERE node = 'after'") == 20);
            await().atMost(Duration.ofSeconds(5)).until(() -> count("SELECT count(*) FROM workflow_timer") == 0);
        }
        assertThat(count("SELECT count(*) FROM timer_fired")).isEqualTo(20);
    }

    @Test
    void aTimerScheduledOnThisNodeWakesTheRunnerBeforeItsNextPoll() {
        // An hour's poll: only the wake-up on commit can fire this timer within the test.
        WorkflowProperties slowPoll = WorkflowProperties.defaults().withPoll(Duration.ofHours(1));
        try (WorkflowNode node = node("a", slowPoll)) {
            // Both runner threads have made their first (empty) pass and are waiting for the next poll.
            TimerRunner runner = node.context.getBean(TimerRunner.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> runner.passes() >= 2);
            node.timers.schedule(new TimerKey(RecordingHandler.KIND, "case-now", "warning"), T0, Map.of());

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> count("SELECT count(*) FROM timer_fired WHERE subject = 'case-now'") == 1);
        }
    }

    private WorkflowNode node(String name, WorkflowProperties properties) {
        // Each node its own pool, which its context closes: a restarted node starts with fresh connections.
        return new WorkflowNode(
                WorkflowNode.pool(database.url()),
                clock,
                properties,
                List.of(new RecordingHandler(name, database.jdbc())));
    }

    private long count(String sql) {
        return database.jdbc().sql(sql).query(Long.class).single();
    }
}
