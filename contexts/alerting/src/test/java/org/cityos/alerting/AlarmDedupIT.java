package org.cityos.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.alerting.AlarmBench.TYPE;
import static org.cityos.alerting.AlarmBench.WEST;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cityos.alerting.internal.engine.Finding;
import org.cityos.alerting.persistence.AlarmRow;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.event.EventConsumer;
import org.junit.jupiter.api.Test;

/**
 * One open alarm per rule and subject, whatever the findings and however many nodes write them: a raise for an open
 * alarm is a repeat, and two nodes raising at once meet at the database's partial unique index, the loser's retry
 * ending in a repeat.
 */
class AlarmDedupIT extends OneNodeBench {
    static final String RAISED = "alerting.alarm-raised";

    Finding raise(RuleId rule, String subject, double level) {
        return finding(Finding.Change.RAISE, rule, subject, level);
    }

    Finding finding(Finding.Change change, RuleId rule, String subject, double level) {
        return new Finding(
                change,
                rule,
                1,
                subject,
                subject,
                TYPE,
                WEST,
                GeoPoint.of(116.3, 39.6),
                Map.of("currentLevel", level),
                bench.clock.instant());
    }

    @Test
    void aRaiseWhileTheAlarmIsOpenCountsARepeatNeverASecondRow() {
        RuleId rule = node.rule(AlarmBench.threshold(Severity.YELLOW).withClear("currentLevel < 0.2"));
        node.level("w1", 0.5);
        AlarmRow first = bench.only(rule);
        assertThat(first.repeatCount()).isZero();

        bench.pass(Duration.ofMinutes(1));
        node.level("w1", 0.25); // under the threshold, above the clear level: open, no longer held
        node.level("w1", 0.6); // held again: the engine's REPEAT
        bench.pass(Duration.ofMinutes(1));
        // Another node that never saw the alarm (or a replay) finds the condition anew: a RAISE.
        node.book.apply(raise(rule, "w1", 0.7));

        AlarmRow after = bench.only(rule);
        assertThat(after.id()).isEqualTo(first.id());
        assertThat(after.status()).isEqualTo("RAISED");
        assertThat(after.repeatCount()).isEqualTo(2);
        assertThat(after.raisedAt()).isEqualTo(first.raisedAt());
        assertThat(after.lastSeenAt()).isEqualTo(bench.clock.instant());
        assertThat(after.detail()).contains("0.7");
        assertThat(bench.steps(first.id())).containsExactly("RAISED");
        assertThat(bench.events(first.id())).containsExactly(RAISED);
    }

    @Test
    void twoNodesRaisingAtOnceLeaveOneOpenAlarmAndTheLosersRetryCountsARepeat() throws Exception {
        RuleId rule = node.rule(AlarmBench.threshold(Severity.YELLOW));
        Gate gate = new Gate(bench.bus);
        try (AlarmNode a = new AlarmNode(bench, gate);
                AlarmNode b = bench.node()) {
            a.writer.accept(raise(rule, "w1", 0.5));
            // A has inserted its alarm and holds the transaction open: B sees no open alarm, and its insert waits
            // on the unique index until A commits, then fails.
            assertThat(gate.entered.await(10, TimeUnit.SECONDS)).isTrue();
            b.writer.accept(raise(rule, "w1", 0.6));
            awaitLockWaiter();
            gate.release.countDown();
            a.writer.drain();
            b.writer.drain();

            AlarmRow alarm = bench.only(rule);
            assertThat(alarm.status()).isEqualTo("RAISED");
            assertThat(alarm.repeatCount()).isEqualTo(1);
            assertThat(alarm.detail()).contains("0.6");
            assertThat(bench.events(alarm.id())).containsExactly(RAISED);
            assertThat(bench.steps(alarm.id())).containsExactly("RAISED");
            assertThat(a.written()).isEqualTo(1);
            assertThat(b.written()).isEqualTo(1);
            assertThat(b.lost()).isZero();
        }
    }

    @Test
    void twoNodesFindingAClearedAlarmBackAtOnceReopenItOnce() throws Exception {
        RuleId rule = node.rule(AlarmBench.threshold(Severity.YELLOW));
        node.book.apply(raise(rule, "w1", 0.5));
        bench.pass(Duration.ofMinutes(1));
        node.book.apply(finding(Finding.Change.CLEAR, rule, "w1", 0.1));
        bench.pass(Duration.ofMinutes(1));
        Gate gate = new Gate(bench.bus);
        try (AlarmNode a = new AlarmNode(bench, gate);
                AlarmNode b = bench.node()) {
            a.writer.accept(raise(rule, "w1", 0.5));
            // A reopens the cleared alarm and holds it locked; B waits for that row, finds it no longer cleared once
            // A commits, tries a new alarm, meets the unique index, and its retry counts a repeat.
            assertThat(gate.entered.await(10, TimeUnit.SECONDS)).isTrue();
            b.writer.accept(raise(rule, "w1", 0.6));
            awaitLockWaiter();
            gate.release.countDown();
            a.writer.drain();
            b.writer.drain();

            AlarmRow alarm = bench.only(rule);
            assertThat(alarm.status()).isEqualTo("RAISED");
            assertThat(alarm.flapCount()).isEqualTo(1);
            assertThat(alarm.repeatCount()).isEqualTo(2); // the reopening and B's repeat
            assertThat(bench.steps(alarm.id())).containsExactly("RAISED", "CLEARED", "REOPENED");
            assertThat(bench.events(alarm.id()))
                    .containsExactly("alerting.alarm-raised", "alerting.alarm-cleared", "alerting.alarm-raised");
            assertThat(b.lost()).isZero();
        }
    }

    @Test
    void twoNodesRaisingManySubjectsTogetherNeverOpenASecondAlarm() {
        RuleId rule = node.rule(AlarmBench.threshold(Severity.YELLOW));
        int subjects = 40;
        try (AlarmNode a = bench.node();
                AlarmNode b = bench.node()) {
            List<Finding> findings = new ArrayList<>();
            for (int i = 0; i < subjects; i++) {
                findings.add(raise(rule, "s-" + i, 0.5));
            }
            // Both writers work their queues on their own threads, interleaving freely.
            findings.forEach(a.writer::accept);
            findings.forEach(b.writer::accept);
            a.writer.drain();
            b.writer.drain();

            assertThat(a.lost() + b.lost()).isZero();
            assertThat(bench.jdbc
                            .sql("SELECT count(*) FROM alerting_alarm WHERE rule_id = ?")
                            .param(rule.value())
                            .query(Long.class)
                            .single())
                    .isEqualTo(subjects);
            assertThat(bench.jdbc
                            .sql("SELECT count(*) FROM alerting_alarm WHERE rule_id = ? AND repeat_count = 1")
                            .param(rule.value())
                            .query(Long.class)
                            .single())
                    .isEqualTo(subjects);
            assertThat(bench.jdbc
                            .sql("SELECT count(*) FROM outbox_event WHERE type = ?")
                            .param(RAISED)
                            .query(Long.class)
                            .single())
                    .isEqualTo(subjects);
        }
    }

    /** Waits until some session of the bench's database waits for a lock (B's insert behind A's row). */
    private void awaitLockWaiter() {
        org.awaitility.Awaitility.await("the second node waiting on the first one's alarm")
                .atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(10))
                .until(() -> bench.jdbc
                                .sql("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                        + " AND wait_event_type = 'Lock'")
                                .query(Long.class)
                                .single()
                        > 0);
    }

    /** The outbox, holding the publishing node inside its transaction until the test lets go. */
    static final class Gate implements EventBus {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final EventBus bus;

        Gate(EventBus bus) {
            this.bus = bus;
        }

        @Override
        public void publish(DomainEvent event) {
            bus.publish(event);
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public <E extends DomainEvent> void subscribe(String name, Class<E> type, EventConsumer<E> consumer) {
            bus.subscribe(name, type, consumer);
        }
    }
}
