package org.cityos.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.alerting.AlarmBench.SYSTEM;
import static org.cityos.alerting.AlarmBench.TYPE;

import org.junit.jupiter.api.Test;

/**
 * A rule that passes the save-time check but fails at run time (a pattern built from the device's facts) is taken
 * out by the engine and, through the alarm writer, switched off in the database with its reason and an audit record;
 * the other rules go on raising, and a restart does not bring it back.
 */
class RuleFailureIT extends OneNodeBench {
    @Test
    void aRuleFailingAtRunTimeEndsDisabledWithItsReasonAndTheOthersGoOn() {
        RuleId good = node.rule(AlarmBench.threshold(Severity.ORANGE));
        RuleId bad = node.rule(RuleDraft.threshold(
                        "坏规则",
                        Severity.RED,
                        RuleScope.ofTypes(TYPE),
                        "currentLevel > 0.3 && deviceType.matches('(' + division)")
                .withProperty("currentLevel"));
        node.runtime.start();
        assertThat(node.engine.rules()).hasSize(2);

        node.level("w1", 0.5);

        assertThat(node.engine.rules()).extracting(r -> r.rule().id()).containsExactly(good);
        Rule failed = node.rules.get(SYSTEM, bad);
        assertThat(failed.enabled()).isFalse();
        assertThat(failed.failure()).isNotBlank();
        assertThat(bench.audits(bad.value()))
                .containsExactly("alerting.rule.created by system:test", "alerting.rule.failed by system:alerting");
        assertThat(bench.jdbc
                        .sql("SELECT details ->> 'reason' FROM audit_record WHERE action = 'alerting.rule.failed'")
                        .query(String.class)
                        .single())
                .isEqualTo(failed.failure());
        assertThat(bench.alarmsOf(bad)).isEmpty();
        assertThat(bench.alarmsOf(good)).hasSize(1);
        assertThat(node.rules.get(SYSTEM, good).enabled()).isTrue();

        node.level("w2", 0.5);
        assertThat(bench.alarmsOf(good)).extracting(a -> a.deviceId()).containsExactlyInAnyOrder("w1", "w2");

        try (AlarmNode restarted = bench.node()) {
            restarted.runtime.start();
            assertThat(restarted.engine.rules()).extracting(r -> r.rule().id()).containsExactly(good);
        }
    }
}
