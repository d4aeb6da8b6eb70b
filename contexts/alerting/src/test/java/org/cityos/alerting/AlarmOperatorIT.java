package org.cityos.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.cityos.alerting.AlarmBench.EAST_OPERATOR;
import static org.cityos.alerting.AlarmBench.OPERATOR;
import static org.cityos.alerting.AlarmBench.WEST_WORKER;

import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.cityos.alerting.persistence.AlarmRow;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.NotFound;
import org.cityos.kernel.problem.ProblemKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Operators' actions through {@link Alarms} on alarms the engine raised: the state rules (409 problems that change
 * nothing), optimistic versions, division scope, and for each action a step with actor and note, an audit record and
 * an event in the outbox. An operator's clear or resolve lets the still-present condition raise a new alarm.
 */
class AlarmOperatorIT extends OneNodeBench {
    RuleId rule;
    AlarmId id;

    @BeforeEach
    void raiseAnAlarm() {
        rule = node.rule(AlarmBench.threshold(Severity.ORANGE));
        node.level("w1", 0.5);
        id = new AlarmId(bench.only(rule).id());
        bench.pass(Duration.ofMinutes(1));
    }

    static void conflict(ThrowingCallable action, String type) {
        assertThatThrownBy(action)
                .isInstanceOf(DomainProblem.class)
                .satisfies(e -> assertThat(((DomainProblem) e).kind()).isEqualTo(ProblemKind.CONFLICT))
                .satisfies(e -> assertThat(((DomainProblem) e).type()).isEqualTo(type));
    }

    @Test
    void acknowledgeClearAndResolveFollowTheStateRulesLeavingStepsAuditAndEvents() {
        Alarm acknowledged = node.alarms.acknowledge(OPERATOR, id, 1, "收到");
        assertThat(acknowledged.status()).isEqualTo(AlarmStatus.ACKNOWLEDGED);
        assertThat(acknowledged.acknowledgedBy()).isEqualTo("operator");
        assertThat(acknowledged.acknowledgedAt()).isEqualTo(bench.clock.instant());
        conflict(() -> node.alarms.acknowledge(OPERATOR, id, null, "again"), "alarm-not-in-state");

        bench.pass(Duration.ofMinutes(1));
        Alarm cleared = node.alarms.clear(OPERATOR, id, acknowledged.version(), "误报，传感器被遮挡");
        assertThat(cleared.status()).isEqualTo(AlarmStatus.CLEARED);
        assertThat(cleared.clearedBy()).isEqualTo("operator");
        conflict(() -> node.alarms.clear(OPERATOR, id, null, null), "alarm-not-in-state");
        conflict(() -> node.alarms.acknowledge(OPERATOR, id, null, null), "alarm-not-in-state");

        Alarm resolved = node.alarms.resolve(OPERATOR, id, null, "已归档");
        assertThat(resolved.status()).isEqualTo(AlarmStatus.RESOLVED);
        assertThat(resolved.resolvedBy()).isEqualTo("operator");
        conflict(() -> node.alarms.resolve(OPERATOR, id, null, null), "alarm-not-in-state");
        conflict(() -> node.alarms.clear(OPERATOR, id, null, null), "alarm-not-in-state");

        // Refused actions left nothing behind: one step, one audit record and one event per accepted action.
        assertThat(resolved.steps())
                .extracting(Alarm.AlarmStep::action, Alarm.AlarmStep::by, Alarm.AlarmStep::note)
                .containsExactly(
                        tuple("RAISED", null, null),
                        tuple("ACKNOWLEDGED", "operator", "收到"),
                        tuple("CLEARED", "operator", "误报，传感器被遮挡"),
                        tuple("RESOLVED", "operator", "已归档"));
        assertThat(bench.audits(id.value()))
                .containsExactly(
                        "alerting.alarm.acknowledged by operator",
                        "alerting.alarm.cleared by operator",
                        "alerting.alarm.resolved by operator");
        assertThat(bench.events(id.value()))
                .containsExactly(
                        "alerting.alarm-raised",
                        "alerting.alarm-acknowledged",
                        "alerting.alarm-cleared",
                        "alerting.alarm-resolved");
        assertThat(bench.eventField(id.value(), "alerting.alarm-cleared", "by")).containsExactly("operator");
        assertThat(bench.eventField(id.value(), "alerting.alarm-cleared", "note"))
                .containsExactly("误报，传感器被遮挡");
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() {
        Alarm seen = node.alarms.get(OPERATOR, id);
        node.level("w1", 0.2);
        node.level("w1", 0.6); // cleared and reopened meanwhile: the row moved on
        Alarm now = node.alarms.get(OPERATOR, id);
        assertThat(now.version()).isGreaterThan(seen.version());

        conflict(() -> node.alarms.acknowledge(OPERATOR, id, seen.version(), "收到"), "concurrent-change");
        assertThatThrownBy(() -> node.alarms.resolve(OPERATOR, id, seen.version(), null))
                .isInstanceOf(ConcurrentChange.class);
        assertThat(node.alarms.get(OPERATOR, id).status()).isEqualTo(AlarmStatus.RAISED);
        assertThat(bench.audits(id.value())).isEmpty();

        assertThat(node.alarms.acknowledge(OPERATOR, id, now.version(), "收到").status())
                .isEqualTo(AlarmStatus.ACKNOWLEDGED);
    }

    @Test
    void anActorOutsideTheAlarmsDivisionFindsNothingAndOneWithoutTheRightMayOnlyRead() {
        assertThatThrownBy(() -> node.alarms.get(EAST_OPERATOR, id)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> node.alarms.acknowledge(EAST_OPERATOR, id, null, null))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> node.alarms.clear(EAST_OPERATOR, id, null, null))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> node.alarms.resolve(EAST_OPERATOR, id, null, null))
                .isInstanceOf(NotFound.class);
        assertThat(node.alarms
                        .search(EAST_OPERATOR, AlarmFilter.open(), PageRequest.of(0, 10))
                        .items())
                .isEmpty();

        assertThat(node.alarms.get(WEST_WORKER, id).status()).isEqualTo(AlarmStatus.RAISED);
        assertThatThrownBy(() -> node.alarms.acknowledge(WEST_WORKER, id, null, null))
                .isInstanceOf(AccessDenied.class);
        assertThat(node.alarms
                        .search(OPERATOR, AlarmFilter.open(), PageRequest.of(0, 10))
                        .items())
                .extracting(Alarm::id)
                .containsExactly(id);
        assertThat(bench.steps(id.value())).containsExactly("RAISED");
        assertThat(bench.audits(id.value())).isEmpty();
    }

    @Test
    void afterAnOperatorClosedItTheConditionStillPresentRaisesANewAlarm() {
        node.alarms.clear(OPERATOR, id, null, "已处置");
        node.level("w1", 0.6); // the water is still there
        AlarmRow second = bench.alarmsOf(rule).get(1);
        assertThat(second.id()).isNotEqualTo(id.value());
        assertThat(second.status()).isEqualTo("RAISED");
        assertThat(bench.reload(bench.alarmsOf(rule).get(0)).status()).isEqualTo("CLEARED");

        node.alarms.resolve(OPERATOR, new AlarmId(second.id()), null, "转工单");
        bench.pass(Duration.ofMinutes(1));
        node.level("w1", 0.7);
        assertThat(bench.alarmsOf(rule)).extracting(AlarmRow::status).containsExactly("CLEARED", "RESOLVED", "RAISED");
        assertThat(bench.alarmsOf(rule).get(2).raisedAt()).isEqualTo(bench.clock.instant());
    }
}
