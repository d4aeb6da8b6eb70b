package org.cityos.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.cityos.alerting.AlarmBench.OPERATOR;

import java.time.Duration;
import java.time.Instant;
import org.cityos.alerting.persistence.AlarmRow;
import org.junit.jupiter.api.Test;

/**
 * An alarm's life as the engine's findings drive it, with the default policy (reopen within 10 min, flapping after
 * 3 reopenings, settled after 10 quiet minutes): reopening, flapping and settling, a new alarm once the reopen window
 * passed, and an operator's clear that nothing reopens.
 */
class AlarmLifecycleIT extends OneNodeBench {
    static final String RAISED = "alerting.alarm-raised";
    static final String CLEARED = "alerting.alarm-cleared";
    static final String FLAPPING = "alerting.alarm-flapping";
    static final Duration MINUTE = Duration.ofMinutes(1);

    /** The water comes back a minute after it went: the alarm clears, then reopens. */
    AlarmRow clearAndComeBack(RuleId rule) {
        bench.pass(MINUTE);
        node.level("w1", 0.1);
        bench.pass(MINUTE);
        node.level("w1", 0.5);
        return bench.only(rule);
    }

    @Test
    void aConditionBackWithinTheReopenWindowReopensTheSameAlarm() {
        RuleId rule = node.rule(AlarmBench.threshold(Severity.BLUE));
        node.level("w1", 0.5);
        AlarmRow first = bench.only(rule);
        bench.pass(MINUTE);
        node.level("w1", 0.1);
        assertThat(bench.reload(first).status()).isEqualTo("CLEARED");
        assertThat(bench.reload(first).clearedBy()).isNull();

        bench.pass(Duration.ofMinutes(10)); // exactly reopenWithin after the clear: still reopens
        node.level("w1", 0.5);
        AlarmRow reopened = bench.only(rule);
        assertThat(reopened.id()).isEqualTo(first.id());
        assertThat(reopened.status()).isEqualTo("RAISED");
        assertThat(reopened.flapCount()).isEqualTo(1);
        assertThat(reopened.flapping()).isFalse();
        assertThat(reopened.clearedAt()).isNull();
        assertThat(reopened.lastSeenAt()).isEqualTo(bench.clock.instant());
        assertThat(bench.steps(first.id())).containsExactly("RAISED", "CLEARED", "REOPENED");
        assertThat(bench.events(first.id())).containsExactly(RAISED, CLEARED, RAISED);
        assertThat(bench.eventField(first.id(), RAISED, "note")).containsExactly(null, "reopened");
    }

    @Test
    void enoughReopeningsMakeItFlappingWhoseClearsWaitUntilItSettles() {
        RuleId rule = node.rule(AlarmBench.threshold(Severity.BLUE));
        node.level("w1", 0.5);
        String id = bench.only(rule).id();
        clearAndComeBack(rule);
        AlarmRow second = clearAndComeBack(rule);
        assertThat(second.flapCount()).isEqualTo(2);
        assertThat(second.flapping()).isFalse();
        AlarmRow third = clearAndComeBack(rule);
        assertThat(third.flapCount()).isEqualTo(3);
        assertThat(third.flapping()).isTrue();
        assertThat(bench.events(id)).containsExactly(RAISED, CLEARED, RAISED, CLEARED, RAISED, CLEARED, FLAPPING);

        // While flapping: a clear only marks it pending, a raise is a silent repeat.
        bench.pass(MINUTE);
        node.level("w1", 0.1);
        assertThat(bench.reload(third).status()).isEqualTo("RAISED");
        assertThat(bench.reload(third).clearPendingSince()).isEqualTo(bench.clock.instant());
        bench.pass(MINUTE);
        node.level("w1", 0.5);
        assertThat(bench.reload(third).clearPendingSince()).isNull();
        bench.pass(MINUTE);
        node.level("w1", 0.1);
        Instant quietSince = bench.clock.instant();
        assertThat(bench.events(id)).hasSize(7);

        bench.pass(Duration.ofMinutes(10).minusSeconds(1));
        node.sweep();
        assertThat(bench.reload(third).status()).isEqualTo("RAISED");
        bench.pass(Duration.ofSeconds(1)); // settleAfter of quiet
        node.sweep();
        AlarmRow settled = bench.reload(third);
        assertThat(settled.status()).isEqualTo("CLEARED");
        assertThat(settled.flapping()).isFalse();
        assertThat(settled.clearedAt()).isEqualTo(quietSince.plus(Duration.ofMinutes(10)));
        assertThat(bench.events(id)).hasSize(8).endsWith(CLEARED);
        assertThat(bench.eventField(id, CLEARED, "note")).endsWith("settled");
        assertThat(bench.steps(id))
                .containsExactly(
                        "RAISED",
                        "CLEARED",
                        "REOPENED",
                        "CLEARED",
                        "REOPENED",
                        "CLEARED",
                        "REOPENED",
                        "FLAPPING",
                        "CLEARED");
        node.sweep();
        assertThat(bench.events(id)).hasSize(8);
    }

    @Test
    void aConditionBackAfterTheReopenWindowRaisesANewAlarm() {
        RuleId rule = node.rule(AlarmBench.threshold(Severity.BLUE));
        node.level("w1", 0.5);
        node.level("w1", 0.1);
        bench.pass(Duration.ofMinutes(10).plusSeconds(1));
        node.level("w1", 0.5);

        assertThat(bench.alarmsOf(rule))
                .extracting(AlarmRow::status, AlarmRow::flapCount)
                .containsExactly(tuple("CLEARED", 0), tuple("RAISED", 0));
        String fresh = bench.alarmsOf(rule).get(1).id();
        assertThat(bench.steps(fresh)).containsExactly("RAISED");
        assertThat(bench.events(fresh)).containsExactly(RAISED);
    }

    @Test
    void anAlarmAnOperatorClearedIsNeverReopened() {
        RuleId rule = node.rule(AlarmBench.threshold(Severity.BLUE));
        node.level("w1", 0.5);
        AlarmRow first = bench.only(rule);
        node.alarms.clear(OPERATOR, new AlarmId(first.id()), null, "现场已处置");
        bench.pass(MINUTE);
        node.level("w1", 0.1);
        bench.pass(MINUTE);
        node.level("w1", 0.5);

        assertThat(bench.alarmsOf(rule)).hasSize(2);
        AlarmRow old = bench.reload(first);
        assertThat(old.status()).isEqualTo("CLEARED");
        assertThat(old.clearedBy()).isEqualTo("operator");
        assertThat(old.flapCount()).isZero();
        assertThat(bench.steps(first.id())).containsExactly("RAISED", "CLEARED");
        AlarmRow fresh = bench.alarmsOf(rule).get(1);
        assertThat(fresh.status()).isEqualTo("RAISED");
        assertThat(bench.events(fresh.id())).containsExactly(RAISED);
    }
}
