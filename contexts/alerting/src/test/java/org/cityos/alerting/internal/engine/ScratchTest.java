package org.cityos.alerting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.cityos.alerting.Rule;
import org.cityos.alerting.RuleDraft;
import org.cityos.alerting.RuleId;
import org.cityos.alerting.RuleKind;
import org.junit.jupiter.api.Test;

class ScratchTest {

    @Test
    void touchedPositionsComeBackOnceEachAscendingWhenAskedAndInTouchingOrderOtherwise() {
        int rules = 150; // three words of bits
        Scratch sc = new Scratch(ruleset(rules), new AtomicLong());
        Random random = new Random(20261125);
        for (int round = 0; round < 2_000; round++) {
            sc.startTouching();
            List<Integer> order = new ArrayList<>();
            TreeSet<Integer> distinct = new TreeSet<>();
            int touches = random.nextInt(40);
            for (int t = 0; t < touches; t++) {
                int position = random.nextInt(rules);
                sc.touch(position, position);
                if (distinct.add(position)) {
                    order.add(position);
                }
            }
            boolean ascending = random.nextBoolean();
            int n = sc.touchedCount(ascending);
            List<Integer> got = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                got.add(sc.touched(i));
            }
            assertThat(got).as("round %d", round).isEqualTo(ascending ? List.copyOf(distinct) : order);
        }
    }

    private static Ruleset ruleset(int n) {
        EngineBench bench = new EngineBench();
        bench.type("gauge", "level", org.cityos.alerting.internal.expr.VarType.NUMBER);
        List<CompiledRule> compiled = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RuleDraft d = RuleKindsTest.rule(RuleKind.THRESHOLD, "gauge", "level > " + i);
            compiled.add(bench.compiler.compile(
                    new Rule(RuleId.random(), d, true, null, null, 1, "test", bench.now(), bench.now())));
        }
        return new Ruleset(1, compiled, Map.of(), new ConcurrentLinkedQueue<>());
    }
}
