package org.cityos.alerting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.alerting.internal.engine.Finding.Change.CLEAR;
import static org.cityos.alerting.internal.engine.Finding.Change.RAISE;
import static org.cityos.alerting.internal.expr.VarType.NUMBER;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cityos.alerting.Aggregation;
import org.cityos.alerting.Rule;
import org.cityos.alerting.RuleDraft;
import org.cityos.alerting.RuleId;
import org.cityos.alerting.RuleKind;
import org.cityos.alerting.RuleScope;
import org.cityos.alerting.Severity;
import org.cityos.iot.StoredReading;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the engine's hot path shares and batches must not change what it finds. */
class HotPathTest {
    static final String COMMUNITY = "110115001001";
    EngineBench bench;

    @BeforeEach
    void setUp() {
        bench = new EngineBench()
                .type("gauge", "level", NUMBER, "battery", NUMBER)
                .device("g1", "gauge", COMMUNITY, 116.30, 39.60, "low-spot")
                .device("g2", "gauge", COMMUNITY, 116.31, 39.60, "low-spot")
                .device("g3", "gauge", COMMUNITY, 116.32, 39.60);
    }

    static RuleDraft threshold(String title, String condition) {
        return RuleDraft.threshold(title, Severity.ORANGE, RuleScope.ofTypes("gauge"), condition);
    }

    @Test
    void aBatchJudgesEachTouchedRuleOnceInTheOrderTheRulesCoverTheDevice() {
        bench.rules(threshold("battery", "battery < 10.0"), threshold("level", "level > 1.0"));
        long before = bench.engine.evaluations();
        // level first, battery second, level again: each rule once, with the latest values
        bench.sendAll("g1", "level", 0.5, "battery", 5, "level", 2.0);
        assertThat(bench.engine.evaluations() - before).isEqualTo(2);
        assertThat(bench.findings)
                .extracting(f -> f.values().keySet())
                .containsExactly(java.util.Set.of("battery"), java.util.Set.of("level"));
        assertThat(bench.findings.get(1).values()).containsEntry("level", 2.0);
        bench.sendAll("g1", "level", 3.0, "battery", 4); // both still hold: nothing new
        assertThat(bench.changes()).containsExactly(RAISE, RAISE);
    }

    @Test
    void devicesCoveredByTheSameRulesShareOneCoverage() {
        Ruleset rs = new Ruleset(
                1,
                List.of(
                        compiled(threshold("all", "level > 1.0")),
                        compiled(threshold("low spots", "level > 0.5")
                                .withScope(new RuleScope(
                                        List.of("gauge"), List.of(), List.of(), List.of("low-spot"), List.of())))),
                Map.of(),
                new java.util.concurrent.ConcurrentLinkedQueue<>());
        DeviceSlot g1 = bound(rs, "g1");
        DeviceSlot g2 = bound(rs, "g2");
        DeviceSlot g3 = bound(rs, "g3");
        assertThat(g1.coverage).isSameAs(g2.coverage);
        assertThat(g1.coverage.rules).hasSize(2);
        assertThat(g3.coverage.rules).hasSize(1);
        assertThat(g1.states[0]).isNotSameAs(g2.states[0]); // states stay each device's own
        assertThat(g1.coverage.triggers[0]).containsExactly(0, 1);
        assertThat(g1.coverage.triggers[1]).isEmpty();
    }

    @Test
    void aWindowRuleTakesOnlyItsOwnPropertyAsSample() {
        bench.rules(new RuleDraft(
                "avg",
                null,
                RuleKind.AGGREGATE,
                Severity.YELLOW,
                RuleScope.ofTypes("gauge"),
                "level",
                "avg > 2.0 && count >= 2",
                null,
                Duration.ofMinutes(10),
                new Aggregation(null, null, null),
                null,
                null,
                null,
                null,
                null));
        bench.send("g1", "level", 3.0);
        bench.send("g1", "battery", 50);
        assertThat(bench.findings).isEmpty(); // a battery reading is not a second level sample
        bench.send("g1", "level", 3.0);
        assertThat(bench.changes()).containsExactly(RAISE);
    }

    @Test
    void evaluationsAreCountedOverEveryThread() throws InterruptedException {
        // No guard (an ||), so every reading is judged and counted.
        bench.rules(threshold("level", "level > 100.0 || level < -100.0"));
        long before = bench.engine.evaluations();
        int perThread = 2_000;
        List<Thread> threads = new ArrayList<>();
        for (String device : List.of("g1", "g2")) {
            Thread t = new Thread(() -> {
                for (int i = 1; i <= perThread; i++) {
                    bench.engine.stored(List.of(
                            new StoredReading(device, "level", bench.now().plusMillis(i), 1.0, null)));
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(bench.engine.evaluations() - before).isEqualTo(2L * perThread);
    }

    @Test
    void anIdleRuleWhoseGuardTurnsTheValueAwayIsSkippedWhileOpenAlarmsAreStillJudged() {
        bench.rules(threshold("level", "level > 1.0").withClear("level < 0.5"));
        long start = bench.engine.evaluations();
        bench.send("g1", "level", 0.2);
        bench.send("g1", "level", 0.9);
        assertThat(bench.engine.evaluations() - start)
                .as("far from the threshold: no evaluation")
                .isZero();
        bench.send("g1", "level", 2.0);
        assertThat(bench.changes()).containsExactly(RAISE);
        long raised = bench.engine.evaluations();
        bench.send("g1", "level", 0.8); // below the raise level, above the clear level: the open alarm stays
        assertThat(bench.engine.evaluations() - raised)
                .as("an open alarm is judged on every reading")
                .isEqualTo(1);
        assertThat(bench.changes()).containsExactly(RAISE);
        bench.send("g1", "level", 0.3);
        assertThat(bench.changes()).containsExactly(RAISE, CLEAR);
        long cleared = bench.engine.evaluations();
        bench.send("g1", "level", 0.4);
        assertThat(bench.engine.evaluations() - cleared).as("idle again").isZero();
        bench.send("g1", "level", 1.5);
        assertThat(bench.changes()).as("a second crossing raises again").containsExactly(RAISE, CLEAR, RAISE);
    }

    @Test
    void theGuardReadsTheLatestValueOfItsPropertyWhicheverPropertyTouchedTheRule() {
        // Guarded by battery (the left side); a level reading touches the rule too.
        bench.rules(threshold("flat and high", "battery < 10.0 && level > 1.0"));
        long start = bench.engine.evaluations();
        bench.sendAll("g1", "battery", 50, "level", 2.0);
        assertThat(bench.engine.evaluations() - start).isZero();
        assertThat(bench.findings).isEmpty();
        bench.send("g1", "battery", 5);
        assertThat(bench.changes())
                .as("the level held stays the device's latest")
                .containsExactly(RAISE);
    }

    private CompiledRule compiled(RuleDraft draft) {
        return bench.compiler.compile(
                new Rule(RuleId.random(), draft, true, null, null, 1, "test", bench.now(), bench.now()));
    }

    private DeviceSlot bound(Ruleset rs, String id) {
        DeviceSlot slot = new DeviceSlot(bench.devices.get(id), new DeviceValues(bench.types.get("gauge")));
        slot.bind(rs);
        return slot;
    }
}
