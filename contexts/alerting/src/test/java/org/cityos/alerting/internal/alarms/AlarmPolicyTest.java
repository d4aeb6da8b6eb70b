package org.cityos.alerting.internal.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.cityos.alerting.RuleKind;
import org.junit.jupiter.api.Test;

class AlarmPolicyTest {

    @Test
    void onlyFindingsThatTheNextReadingWouldRaiseAgainCommitLazily() {
        AlarmPolicy policy = AlarmPolicy.defaults();
        EnumSet<RuleKind> lazy = EnumSet.noneOf(RuleKind.class);
        for (RuleKind k : RuleKind.values()) {
            if (policy.commitsLazily(k)) {
                lazy.add(k);
            }
        }
        assertThat(lazy)
                .containsExactlyInAnyOrder(
                        RuleKind.THRESHOLD,
                        RuleKind.DURATION,
                        RuleKind.RATE_OF_CHANGE,
                        RuleKind.NO_DATA,
                        RuleKind.AGGREGATE,
                        RuleKind.COMPOSITE,
                        RuleKind.SCHEDULED);
    }

    @Test
    void turnedOffEveryFindingWaitsForTheDisk() {
        AlarmPolicy d = AlarmPolicy.defaults();
        AlarmPolicy durable = new AlarmPolicy(
                d.reopenWithin(),
                d.flapThreshold(),
                d.settleAfter(),
                d.ackRed(),
                d.ackOrange(),
                d.ackYellow(),
                d.ackBlue(),
                d.maxEscalations(),
                false);
        for (RuleKind k : RuleKind.values()) {
            assertThat(durable.commitsLazily(k)).as(k.name()).isFalse();
        }
    }
}
