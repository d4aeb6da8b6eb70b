package org.cityos.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cityos.testkit.MutableClock;
import org.cityos.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/** Scheduling, replacing, cancelling and firing timers on one node, with the clock moved by hand. */
class TimersIT {
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    private final MutableClock clock = MutableClock.at("2026-11-25T08:00:00Z");
    private TestDatabase database;
    private RecordingHandler handler;
    private WorkflowNode node;
    private Timers timers;

    @BeforeEach
    void setUp() {
        database = TestDatabase.migrated(4, "classpath:db/migration/workflow");
        database.jdbc().sql(RecordingHandler.TABLE).update();
        handler = new RecordingHandler("a", database.jdbc());
        node = new WorkflowNode(
                database.dataSource(), clock, WorkflowProperties.defaults().withScheduled(false), List.of(handler));
        timers = node.timers;
    }

    @AfterEach
    void tearDown() {
        node.close();
        database.close();
    }

    @Test
    void firesAtItsDueTimeAndNotBefore() {
        TimerKey key = new TimerKey(RecordingHandler.KIND, "case-1", "overdue");
        timers.schedule(key, T0.plus(Duration.ofMinutes(10)), Map.of("level", "red", "unit", "110115001"));

        assertThat(timers.fireDue()).isZero();
        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertThat(timers.fireDue()).as("one millisecond early").isZero();
        assertThat(handler.callsOf("case-1", "overdue")).isZero();

        clock.advance(Duration.ofMillis(1));
        assertThat(timers.fireDue()).isEqualTo(1);

        assertThat(handler.callsOf("case-1", "overdue")).isEqualTo(1);
        assertThat(database.jdbc()
                        .sql("SELECT data FROM timer_fired WHERE subject = 'case-1'")
                        .query(String.class)
                        .single())
                .as("data round-trip")
                .isEqualTo("{level=red, unit=110115001}");
        assertThat(timers.pending(RecordingHandler.KIND, "case-1")).isEmpty();
        assertThat(timers.fireDue()).as("fired once, then gone").isZero();
        assertThat(node.counter("cityos.workflow.timers.fired", RecordingHandler.KIND))
                .isEqualTo(1.0);
    }

    @Test
    void firesLateTimersWithTheirDueTimeAndTheFiringTime() {
        TimerKey key = new TimerKey(RecordingHandler.KIND, "case-2", "warning");
        Instant due = T0.plusSeconds(30);
        timers.schedule(key, due, Map.of());
        clock.advance(Duration.ofMinutes(5));

        Instant[] seen = new Instant[2];
        handler.then = t -> {
            seen[0] = t.dueAt();
            seen[1] = t.firedAt();
        };
        assertThat(timers.fireDue()).isEqualTo(1);

        assertThat(seen).containsExactly(due, T0.plus(Duration.ofMinutes(5)));
        assertThat(node.meters.find("cityos.workflow.timers.lag").timer().totalTime(TimeUnit.SECONDS))
                .isEqualTo(270.0);
    }

    @Test
    void schedulingTheSameKeyAgainReplacesDueTimeAndData() {
        TimerKey key = new TimerKey(RecordingHandler.KIND, "case-3", "overdue");
        timers.schedule(key, T0.plus(Duration.ofHours(1)), Map.of("round", "1"));
        timers.schedule(key, T0.plus(Duration.ofHours(2)), Map.of("round", "2"));

        assertThat(timers.pending(RecordingHandler.KIND, "case-3"))
                .containsExactly(new ScheduledTimer(key, T0.plus(Duration.ofHours(2)), Map.of("round", "2"), 0));
        clock.advance(Duration.ofHours(1));
        assertThat(timers.fireDue()).as("the replaced due time").isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(timers.fireDue()).isEqualTo(1);
        assertThat(database.jdbc()
                        .sql("SELECT data FROM timer_fired")
                        .query(String.class)
                        .list())
                .containsExactly("{round=2}");
    }

    @Test
    void cancelledTimersNeverFire() {
        timers.schedule(new TimerKey(RecordingHandler.KIND, "case-4", "warning"), T0.plusSeconds(1), Map.of());
        timers.schedule(new TimerKey(RecordingHandler.KIND, "case-4", "overdue"), T0.plusSeconds(2), Map.of());
        timers.schedule(new TimerKey(RecordingHandler.KIND, "case-5", "warning"), T0.plusSeconds(3), Map.of());
        timers.schedule(new TimerKey(RecordingHandler.KIND, "case-6", "warning"), T0.plusSeconds(4), Map.of());

        timers.cancel(new TimerKey(RecordingHandler.KIND, "case-6", "warning"));
        timers.cancel(new TimerKey(RecordingHandler.KIND, "case-6", "never-scheduled"));
        assertThat(timers.cancelAll(RecordingHandler.KIND, "case-4")).isEqualTo(2);
        assertThat(timers.cancelAll("other.kind", "case-5"))
                .as("other kinds untouched")
                .isZero();

        clock.advance(Duration.ofMinutes(1));
        assertThat(timers.fireDue()).isEqualTo(1);
        assertThat(handler.calls.keySet()).containsExactly("case-5/warning");
    }

    @Test
    void schedulingJoinsTheCallersTransaction() {
        TransactionTemplate tx = node.context.getBean(TransactionTemplate.class);
        TimerKey key = new TimerKey(RecordingHandler.KIND, "case-7", "overdue");

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                    timers.schedule(key, T0, Map.of());
                    throw new IllegalStateException("the caller's change failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(timers.pending(RecordingHandler.KIND, "case-7")).isEmpty();
        assertThat(timers.fireDue()).isZero();
    }

    @Test
    void aHandlerMayScheduleItsOwnKeyAgain() {
        TimerKey key = new TimerKey(RecordingHandler.KIND, "case-8", "reminder");
        timers.schedule(key, T0, Map.of("n", "1"));
        handler.then = t -> {
            int n = Integer.parseInt(t.data().get("n"));
            if (n < 3) {
                timers.schedule(key, t.dueAt().plus(Duration.ofDays(1)), Map.of("n", String.valueOf(n + 1)));
            }
        };

        assertThat(timers.fireDue()).isEqualTo(1);
        assertThat(timers.pending(RecordingHandler.KIND, "case-8"))
                .as("the new timer survives the deletion of the fired one")
                .containsExactly(new ScheduledTimer(key, T0.plus(Duration.ofDays(1)), Map.of("n", "2"), 0));
        clock.advance(Duration.ofDays(2));
        assertThat(timers.fireDue()).isEqualTo(2);
        assertThat(timers.pending(RecordingHandler.KIND, "case-8")).isEmpty();
        assertThat(handler.callsOf("case-8", "reminder")).isEqualTo(3);
    }

    @Test
    void aTimerOfAnUnknownKindIsParkedAndTheOthersFire() {
        TimerKey orphan = new TimerKey("nobody.handles", "x-1", "t");
        timers.schedule(orphan, T0, Map.of());
        timers.schedule(new TimerKey(RecordingHandler.KIND, "case-9", "warning"), T0, Map.of());

        assertThat(timers.fireDue()).isEqualTo(1);
        assertThat(timers.pending("nobody.handles", "x-1"))
                .extracting(ScheduledTimer::attempts)
                .containsExactly(1);
        assertThat(database.jdbc()
                        .sql("SELECT last_error FROM workflow_timer WHERE parked")
                        .query(String.class)
                        .single())
                .contains("no TimerHandler for kind 'nobody.handles'");
        assertThat(node.counter("cityos.workflow.timers.parked", "nobody.handles"))
                .isEqualTo(1.0);

        clock.advance(Duration.ofDays(1));
        assertThat(timers.fireDue()).as("parked stays parked").isZero();
        assertThat(timers.resume(orphan)).isTrue();
        assertThat(timers.resume(orphan)).as("no longer parked").isFalse();
    }
}
