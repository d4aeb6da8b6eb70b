package org.cityos.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.alerting.AlarmBench.TYPE;
import static org.cityos.alerting.AlarmBench.WEST;

import java.time.Duration;
import java.time.Instant;
import org.cityos.alerting.persistence.AlarmRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node restarted over the same database, through {@code AlertingRuntime.start()/step()/stop()} unscheduled:
 * running durations resume from the kept state (neither lost nor restarted), and alarms open before the restart are
 * known open again, so nothing is raised twice.
 */
class EngineRestartIT {
    static final String RAISED = "alerting.alarm-raised";

    AlarmBench bench;

    @BeforeEach
    void setUp() {
        bench = new AlarmBench();
    }

    @AfterEach
    void tearDown() {
        bench.close();
    }

    long keptStates() {
        return bench.jdbc
                .sql("SELECT count(*) FROM alerting_rule_state")
                .query(Long.class)
                .single();
    }

    @Test
    void aRunningDurationSurvivesARestartAndRaisesOnceWhenItsTimeIsUp() {
        AlarmNode a = bench.node();
        RuleId rule = a.rule(AlarmBench.duration(Duration.ofMinutes(10)));
        a.runtime.start();
        Instant t0 = bench.clock.instant();
        a.level("w1", 0.5);
        bench.pass(Duration.ofMinutes(6));
        a.runtime.step(true); // tick, sweep and keep the state, as every fifth scheduled tick does
        assertThat(keptStates()).isEqualTo(1);
        assertThat(bench.alarmsOf(rule)).isEmpty();
        a.close(); // dropped: no stop(), nothing more kept

        AlarmNode b = bench.node();
        b.runtime.start();
        assertThat(b.engine.rules()).extracting(r -> r.rule().id()).containsExactly(rule);
        b.pass(Duration.ofMinutes(4).minusSeconds(1));
        assertThat(bench.alarmsOf(rule)).isEmpty();
        b.pass(Duration.ofSeconds(1));

        AlarmRow alarm = bench.only(rule);
        assertThat(alarm.raisedAt()).isEqualTo(t0.plus(Duration.ofMinutes(10)));
        // Raised from the clock alone, with no reading since the restart: still about the device, in its division.
        assertThat(alarm.deviceId()).isEqualTo("w1");
        assertThat(alarm.deviceType()).isEqualTo(TYPE);
        assertThat(alarm.division()).isEqualTo(WEST);
        assertThat(alarm.lon()).isEqualTo(116.30);
        assertThat(alarm.lat()).isEqualTo(39.60);
        b.pass(Duration.ofMinutes(6)); // t0 + 16 min: where a restarted duration would have raised
        b.runtime.stop();
        b.close();

        AlarmNode c = bench.node();
        c.runtime.start();
        c.pass(Duration.ofMinutes(10));
        c.level("w1", 0.6);
        c.runtime.stop();
        c.close();
        assertThat(bench.only(rule).id()).isEqualTo(alarm.id());
        assertThat(bench.only(rule).status()).isEqualTo("RAISED");
        assertThat(bench.events(alarm.id())).containsExactly(RAISED);
    }

    @Test
    void aStateKeptForAnOlderVersionOfTheRuleIsNotRestored() {
        AlarmNode a = bench.node();
        RuleId rule = a.rule(AlarmBench.duration(Duration.ofMinutes(10)));
        a.runtime.start();
        a.level("w1", 0.5);
        bench.pass(Duration.ofMinutes(6));
        a.runtime.stop();
        Rule before = a.rules.get(AlarmBench.SYSTEM, rule);
        a.rules.change(AlarmBench.SYSTEM, rule, before.version(), AlarmBench.duration(Duration.ofMinutes(5)));
        a.close();

        AlarmNode b = bench.node();
        b.runtime.start();
        b.pass(Duration.ofMinutes(10));
        assertThat(bench.alarmsOf(rule)).isEmpty();
        b.level("w1", 0.5); // the changed rule starts counting from the first reading it sees
        b.pass(Duration.ofMinutes(5));
        assertThat(bench.only(rule).raisedAt()).isEqualTo(bench.clock.instant());
        b.close();
    }

    @Test
    void aThresholdAlarmOpenBeforeTheRestartIsNotRaisedAgain() {
        AlarmNode a = bench.node();
        RuleId rule = a.rule(AlarmBench.threshold(Severity.ORANGE));
        a.runtime.start();
        a.level("w1", 0.5);
        AlarmRow open = bench.only(rule);
        a.runtime.stop();
        a.close();

        AlarmNode b = bench.node();
        b.runtime.start();
        bench.pass(Duration.ofMinutes(1));
        b.level("w1", 0.6);
        AlarmRow after = bench.only(rule);
        assertThat(after.id()).isEqualTo(open.id());
        assertThat(after.status()).isEqualTo("RAISED");
        assertThat(bench.events(open.id())).containsExactly(RAISED);

        // B knows the alarm is open: the water going down clears it, coming back reopens it.
        bench.pass(Duration.ofMinutes(1));
        b.level("w1", 0.1);
        assertThat(bench.reload(open).status()).isEqualTo("CLEARED");
        bench.pass(Duration.ofMinutes(1));
        b.level("w1", 0.5);
        assertThat(bench.only(rule).flapCount()).isEqualTo(1);
        assertThat(bench.steps(open.id())).containsExactly("RAISED", "CLEARED", "REOPENED");
        b.close();
    }
}
