package org.cityos.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.cityos.testkit.MutableClock;
import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {
    static final Instant T0 = Instant.parse("2026-07-20T02:00:00Z");
    final MutableClock clock = new MutableClock(T0, ZoneOffset.UTC);
    final RecordingLevers levers = new RecordingLevers();

    @Test
    void stepsAreAppliedOnlyOnceTheClockReachesThemInFileOrder() {
        Scenario cold = Scenarios.builtIn("cold-snap");
        ScenarioRunner runner = ScenarioRunner.start(cold, clock, levers, levers);

        assertThat(runner.runDue()).isEqualTo(1);
        assertThat(levers.pulled).containsExactly("temperature -12.0");
        assertThat(runner.nextDue()).contains(T0.plusSeconds(300));

        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(runner.runDue()).as("a second early").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(runner.runDue()).isEqualTo(1);
        assertThat(runner.runDue()).as("never twice").isZero();

        clock.advance(Duration.ofHours(5)); // late: both 3h steps at once, still in file order
        assertThat(runner.runDue()).isEqualTo(2);
        assertThat(levers.pulled)
                .containsExactly(
                        "temperature -12.0",
                        "faults heat-pump-controller x30.0",
                        "faults heat-pump-controller x1.0",
                        "temperature 0.0");
        assertThat(runner.finished()).isTrue();
        assertThat(runner.nextDue()).isEmpty();
        assertThat(runner.played().get(2).due()).isEqualTo(T0.plus(Duration.ofHours(3)));
        assertThat(runner.played().get(2).applied()).isEqualTo(T0.plus(Duration.ofMinutes(305)));
    }

    @Test
    void playingToTheEndPausesUntilEachStepIsDueAndAppliesItExactlyThen() throws InterruptedException {
        Scenario storm = Scenarios.builtIn("stops-signing");
        ScenarioRunner runner = ScenarioRunner.start(storm, clock, levers, levers);
        List<Instant> pauses = new ArrayList<>();
        runner.playToEnd(moment -> {
            pauses.add(moment);
            clock.set(moment);
        });
        assertThat(pauses)
                .containsExactly(
                        T0.plusSeconds(60), T0.plusSeconds(120), T0.plusSeconds(180), T0.plus(Duration.ofHours(4)));
        assertThat(runner.played()).allSatisfy(p -> assertThat(p.applied()).isEqualTo(p.due()));
        assertThat(levers.pulled)
                .containsExactly(
                        "stop-signing dept:urban-management",
                        "complaints 0301 x1",
                        "complaints 0302 x1",
                        "complaints 0303 x1",
                        "resume-signing dept:urban-management");
    }

    @Test
    void playingUntilAnOffsetLeavesTheLaterStepsForLater() throws InterruptedException {
        ScenarioRunner runner = ScenarioRunner.start(Scenarios.builtIn("stops-signing"), clock, levers, levers);
        runner.playUntil(Duration.ofHours(3), clock::set);
        assertThat(levers.pulled).hasSize(4).doesNotContain("resume-signing dept:urban-management");
        assertThat(clock.instant()).as("no pause past the last step run").isEqualTo(T0.plusSeconds(180));
        assertThat(runner.nextDue()).contains(T0.plus(Duration.ofHours(4)));
    }
}
