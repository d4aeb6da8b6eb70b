package org.cityos.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cityos.testkit.MutableClock;
import org.cityos.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A failing handler: its writes are undone, its timer retried with back-off, then parked; the others still fire. */
class TimerRetryIT {
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    private final MutableClock clock = MutableClock.at("2026-11-25T08:00:00Z");
    private TestDatabase database;
    private RecordingHandler handler;
    private WorkflowNode node;

    @BeforeEach
    void setUp() {
        database = TestDatabase.migrated(4, "classpath:db/migration/workflow");
        database.jdbc().sql(RecordingHandler.TABLE).update();
        handler = new RecordingHandler("a", database.jdbc());
        WorkflowProperties properties = WorkflowProperties.defaults()
                .withScheduled(false)
                .withMaxAttempts(3)
                .withBackoff(Duration.ofSeconds(10), Duration.ofSeconds(15));
        node = new WorkflowNode(database.dataSource(), clock, properties, List.of(handler));
    }

    @AfterEach
    void tearDown() {
        node.close();
        database.close();
    }

    @Test
    void aFailingHandlerLeavesNeitherItsWriteNorTheTimerDeleted() {
        TimerKey key = new TimerKey(RecordingHandler.KIND, "case-1", "overdue");
        node.timers.schedule(key, T0, Map.of());
        handler.failuresLeft.put("case-1", 1);

        assertThat(node.timers.fireDue()).isZero();

        assertThat(handler.callsOf("case-1", "overdue"))
                .as("the handler ran and wrote")
                .isEqualTo(1);
        assertThat(firedRows()).as("its write was rolled back").isZero();
        assertThat(node.timers.pending(RecordingHandler.KIND, "case-1"))
                .as("the timer is still there, one attempt counted")
                .containsExactly(new ScheduledTimer(key, T0, Map.of(), 1));
        assertThat(lastError()).contains("scripted failure of " + key);
    }

    @Test
    void retriesWithBackoffThenParksWhileOtherTimersKeepFiring() {
        TimerKey failing = new TimerKey(RecordingHandler.KIND, "case-bad", "overdue");
        node.timers.schedule(failing, T0, Map.of());
        handler.failuresLeft.put("case-bad", 100);
        for (int i = 0; i < 5; i++) {
            node.timers.schedule(
                    new TimerKey(RecordingHandler.KIND, "case-" + i, "overdue"), T0.plusSeconds(i * 10L), Map.of());
        }

        assertThat(node.timers.fireDue()).as("case-0 fires beside the failure").isEqualTo(1);
        assertThat(handler.callsOf("case-bad", "overdue")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(9));
        assertThat(node.timers.fireDue()).isZero();
        assertThat(handler.callsOf("case-bad", "overdue"))
                .as("waits out 10 s after the first failure")
                .isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(node.timers.fireDue()).as("case-1 due at +10 s").isEqualTo(1);
        assertThat(handler.callsOf("case-bad", "overdue")).isEqualTo(2);

        clock.advance(Duration.ofSeconds(14));
        node.timers.fireDue();
        assertThat(handler.callsOf("case-bad", "overdue"))
                .as("then 20 s, capped at 15 s")
                .isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        node.timers.fireDue();
        assertThat(handler.callsOf("case-bad", "overdue")).isEqualTo(3);

        assertThat(parked("case-bad")).as("parked after max-attempts = 3").isTrue();
        assertThat(node.counter("cityos.workflow.timers.parked", RecordingHandler.KIND))
                .isEqualTo(1.0);

        clock.advance(Duration.ofHours(1));
        node.timers.fireDue();
        assertThat(handler.callsOf("case-bad", "overdue"))
                .as("a parked timer is not attempted")
                .isEqualTo(3);
        assertThat(firedRows()).as("every other timer fired").isEqualTo(5);

        handler.failuresLeft.remove("case-bad");
        assertThat(node.timers.resume(failing)).isTrue();
        assertThat(node.timers.fireDue()).isEqualTo(1);
        assertThat(node.timers.pending(RecordingHandler.KIND, "case-bad")).isEmpty();
    }

    @Test
    void schedulingAgainRevivesAParkedTimer() {
        TimerKey key = new TimerKey(RecordingHandler.KIND, "case-p", "overdue");
        node.timers.schedule(key, T0, Map.of());
        handler.failuresLeft.put("case-p", 3);
        for (int i = 0; i < 3; i++) {
            node.timers.fireDue();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(parked("case-p")).isTrue();

        node.timers.schedule(key, clock.instant(), Map.of("again", "yes"));

        assertThat(parked("case-p")).isFalse();
        assertThat(node.timers.fireDue()).isEqualTo(1);
    }

    private long firedRows() {
        return database.jdbc()
                .sql("SELECT count(*) FROM timer_fired")
                .query(Long.class)
                .single();
    }

    private String lastError() {
        return database.jdbc()
                .sql("SELECT last_error FROM workflow_timer")
                .query(String.class)
                .single();
    }

    private boolean parked(String subject) {
        return database.jdbc()
                .sql("SELECT parked FROM workflow_timer WHERE subject = :subject")
                .param("subject", subject)
                .query(Boolean.class)
                .single();
    }
}
