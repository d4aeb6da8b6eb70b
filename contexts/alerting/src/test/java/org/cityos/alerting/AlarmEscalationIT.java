package org.cityos.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.cityos.alerting.AlarmBench.OPERATOR;

import java.time.Duration;
import java.time.Instant;
import org.cityos.alerting.persistence.AlarmRepository;
import org.cityos.alerting.persistence.AlarmRow;
import org.junit.jupiter.api.Test;

/**
 * Unacknowledged alarms escalate by the sweep, every acknowledgement deadline (RED: 5 min by default, or the rule's
 * own), at most {@code maxEscalations} (3) times; an acknowledgement stops it.
 */
class AlarmEscalationIT extends OneNodeBench {
    static final String ESCALATED = "alerting.alarm-escalated";

    /** Moves the clock to {@code t0 + at} and sweeps. */
    void sweepAt(Instant t0, Duration at) {
        bench.clock.set(t0.plus(at));
        node.sweep();
    }

    @Test
    void anUnacknowledgedRedAlarmEscalatesEveryDeadlineUpToTheMaximumThenStops() {
        RuleId rule = node.rule(AlarmBench.threshold(Severity.RED));
        Instant t0 = bench.clock.instant();
        node.level("w1", 0.5);
        AlarmRow alarm = bench.only(rule);
        assertThat(alarm.escalateAt()).isEqualTo(t0.plus(Duration.ofMinutes(5)));

        sweepAt(t0, Duration.ofMinutes(5).minusSeconds(1));
        assertThat(bench.reload(alarm).escalationLevel()).isZero();
        assertThat(bench.events(alarm.id())).doesNotContain(ESCALATED);

        sweepAt(t0, Duration.ofMinutes(5));
        AlarmRow first = bench.reload(alarm);
        assertThat(first.escalationLevel()).isEqualTo(1);
        assertThat(first.escalatedAt()).isEqualTo(t0.plus(Duration.ofMinutes(5)));
        assertThat(first.escalateAt()).isEqualTo(t0.plus(Duration.ofMinutes(10)));
        assertThat(bench.steps(alarm.id())).containsExactly("RAISED", "ESCALATED");

        sweepAt(t0, Duration.ofMinutes(9));
        assertThat(bench.reload(alarm).escalationLevel()).isEqualTo(1);
        sweepAt(t0, Duration.ofMinutes(10));
        sweepAt(t0, Duration.ofMinutes(15));
        sweepAt(t0, Duration.ofMinutes(20));
        sweepAt(t0, Duration.ofHours(2));

        AlarmRow last = bench.reload(alarm);
        assertThat(last.escalationLevel()).isEqualTo(3);
        assertThat(last.escalatedAt()).isEqualTo(t0.plus(Duration.ofMinutes(15)));
        assertThat(last.escalateAt()).isNull();
        assertThat(last.status()).isEqualTo("RAISED");
        assertThat(bench.eventField(alarm.id(), ESCALATED, "alarm.escalationLevel"))
                .containsExactly("1", "2", "3");
        assertThat(bench.alarms.steps(alarm.id()))
                .filteredOn(s -> s.action().equals("ESCALATED"))
                .extracting(AlarmRepository.Step::note, AlarmRepository.Step::actor)
                .containsExactly(tuple("level 1", null), tuple("level 2", null), tuple("level 3", null));
    }

    @Test
    void anAcknowledgementStopsEscalation() {
        RuleId rule = node.rule(AlarmBench.threshold(Severity.RED));
        Instant t0 = bench.clock.instant();
        node.level("w1", 0.5);
        AlarmRow alarm = bench.only(rule);
        sweepAt(t0, Duration.ofMinutes(5));
        assertThat(bench.reload(alarm).escalationLevel()).isEqualTo(1);

        bench.clock.set(t0.plus(Duration.ofMinutes(6)));
        node.alarms.acknowledge(OPERATOR, new AlarmId(alarm.id()), null, "收到，已派人");
        sweepAt(t0, Duration.ofMinutes(10));
        sweepAt(t0, Duration.ofHours(1));

        AlarmRow after = bench.reload(alarm);
        assertThat(after.status()).isEqualTo("ACKNOWLEDGED");
        assertThat(after.escalationLevel()).isEqualTo(1);
        assertThat(after.escalateAt()).isNull();
        assertThat(bench.eventField(alarm.id(), ESCALATED, "alarm.escalationLevel"))
                .containsExactly("1");
    }

    @Test
    void aRulesOwnAcknowledgementDeadlineOverridesTheSeverityDefault() {
        RuleId slow = node.rule(AlarmBench.ackWithin(AlarmBench.threshold(Severity.RED), Duration.ofMinutes(15)));
        RuleId quick = node.rule(AlarmBench.ackWithin(AlarmBench.threshold(Severity.BLUE), Duration.ofMinutes(2)));
        Instant t0 = bench.clock.instant();
        node.level("w1", 0.5);
        AlarmRow red = bench.only(slow);
        AlarmRow blue = bench.only(quick);

        sweepAt(t0, Duration.ofMinutes(2));
        assertThat(bench.reload(blue).escalationLevel()).isEqualTo(1);
        sweepAt(t0, Duration.ofMinutes(4));
        assertThat(bench.reload(blue).escalationLevel()).isEqualTo(2);
        sweepAt(t0, Duration.ofMinutes(5)); // RED's default deadline: the rule says 15 min
        assertThat(bench.reload(red).escalationLevel()).isZero();
        sweepAt(t0, Duration.ofMinutes(15));
        assertThat(bench.reload(red).escalationLevel()).isEqualTo(1);
        assertThat(bench.reload(red).escalateAt()).isEqualTo(t0.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aReopenedAlarmNeverEscalatesPastTheMaximum() {
        RuleId rule = node.rule(AlarmBench.threshold(Severity.RED));
        Instant t0 = bench.clock.instant();
        node.level("w1", 0.5);
        AlarmRow alarm = bench.only(rule);
        for (int minutes = 5; minutes <= 15; minutes += 5) {
            sweepAt(t0, Duration.ofMinutes(minutes));
        }
        assertThat(bench.reload(alarm).escalationLevel()).isEqualTo(3);

        bench.clock.set(t0.plus(Duration.ofMinutes(16)));
        node.level("w1", 0.1);
        bench.clock.set(t0.plus(Duration.ofMinutes(17)));
        node.level("w1", 0.5);
        assertThat(bench.reload(alarm).status()).isEqualTo("RAISED");
        assertThat(bench.reload(alarm).flapCount()).isEqualTo(1);
        sweepAt(t0, Duration.ofMinutes(22));
        sweepAt(t0, Duration.ofHours(1));

        assertThat(bench.reload(alarm).escalationLevel()).isEqualTo(3);
        assertThat(bench.eventField(alarm.id(), ESCALATED, "alarm.escalationLevel"))
                .containsExactly("1", "2", "3");
    }
}
