package org.cityos.alerting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.alerting.internal.expr.VarType.NUMBER;

import java.time.Duration;
import java.util.List;
import org.cityos.alerting.RuleKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clock walks only the states whose time runs, and the state store gets each changed state once: neither walks
 * every subject of every rule.
 */
class StateBookkeepingTest {
    EngineBench bench;

    @BeforeEach
    void setUp() {
        bench = new EngineBench().type("gauge", "level", NUMBER);
        for (int i = 0; i < 500; i++) {
            bench.device("g" + i, "gauge", RuleKindsTest.COMMUNITY, 116.3, 39.6);
        }
    }

    private CompiledRule lasting() {
        bench.rules(RuleKindsTest.rule(RuleKind.DURATION, "gauge", "level > 0.3")
                .withKind(RuleKind.DURATION, Duration.ofMinutes(10)));
        return bench.engine.rules().get(0);
    }

    private Ruleset ruleset() {
        // The engine's current ruleset, through the rule's states as the clock sees them.
        return bench.engine.currentRuleset();
    }

    @Test
    void onlyRunningDurationsAreTimedAndTheyLeaveWhenBroken() {
        CompiledRule r = lasting();
        for (int i = 0; i < 500; i++) {
            bench.send("g" + i, "level", i < 3 ? 0.5 : 0.1);
        }
        assertThat(ruleset().states(r)).hasSize(500);
        assertThat(ruleset().timing(r)).extracting(s -> s.subject).containsExactlyInAnyOrder("g0", "g1", "g2");
        bench.send("g1", "level", 0.1); // broken
        assertThat(ruleset().timing(r)).extracting(s -> s.subject).containsExactlyInAnyOrder("g0", "g2");
        bench.pass(Duration.ofMinutes(10));
        assertThat(bench.findings).extracting(Finding::deviceId).containsExactlyInAnyOrder("g0", "g2");
        bench.send("g0", "level", 0.1);
        assertThat(ruleset().timing(r)).extracting(s -> s.subject).containsExactly("g2");
    }

    @Test
    void aChangedStateReachesTheStoreOnceUntilItChangesAgain() {
        CompiledRule r = lasting();
        for (int i = 0; i < 500; i++) {
            bench.send("g" + i, "level", 0.1);
        }
        bench.send("g7", "level", 0.5);
        bench.send("g8", "level", 0.5);
        assertThat(StateSnapshot.dirty(bench.engine))
                .extracting(StateSnapshot.Keyed::subject)
                .containsExactlyInAnyOrder("g7", "g8");
        assertThat(StateSnapshot.dirty(bench.engine)).isEmpty();
        bench.send("g8", "level", 0.6); // still running: nothing to keep anew
        assertThat(StateSnapshot.dirty(bench.engine)).isEmpty();
        bench.send("g8", "level", 0.1);
        List<StateSnapshot.Keyed> again = StateSnapshot.dirty(bench.engine);
        assertThat(again).extracting(StateSnapshot.Keyed::subject).containsExactly("g8");
        assertThat(again.get(0).rule()).isEqualTo(r.rule().id());
    }

    @Test
    void statesOfARuleNoLongerLoadedAreNotStored() {
        lasting();
        bench.send("g7", "level", 0.5);
        lasting(); // another rule replaces it; g7's change belongs to the old one
        assertThat(StateSnapshot.dirty(bench.engine)).isEmpty();
    }

    @Test
    void aKeptRuleKeepsItsRunningDurationsAcrossAReload() {
        CompiledRule r = lasting();
        bench.send("g4", "level", 0.5);
        bench.engine.load(List.of(r)); // the same rule at the same version: states kept
        bench.pass(Duration.ofMinutes(10));
        assertThat(bench.findings).extracting(Finding::deviceId).containsExactly("g4");
    }
}
