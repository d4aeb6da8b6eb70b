package org.cityos.simulator.scenario;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cityos.simulator.conditions.CityConditions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a scenario's steps on a clock: each step is applied once, in file order, as soon as the clock has reached
 * its offset from the start. {@link #runDue()} lets a caller drive it from its own loop; {@link #playToEnd(Pause)}
 * waits between steps with the given pause.
 */
public final class ScenarioRunner {
    private static final Logger log = LoggerFactory.getLogger(ScenarioRunner.class);

    /** A step that was applied: when it was meant to happen, and when the runner applied it. */
    public record PlayedStep(TimedStep step, Instant due, Instant applied) {}

    private final Scenario scenario;
    private final Clock clock;
    private final CityConditions conditions;
    private final CaseLevers cases;
    private final Instant start;
    private final List<PlayedStep> played = new ArrayList<>();
    private int next;

    private ScenarioRunner(Scenario scenario, Clock clock, CityConditions conditions, CaseLevers cases) {
        this.scenario = scenario;
        this.clock = clock;
        this.conditions = conditions;
        this.cases = cases;
        this.start = clock.instant();
    }

    /** Starts the scenario now, by the clock: the step at {@code 0m} is due at once. */
    public static ScenarioRunner start(Scenario scenario, Clock clock, CityConditions conditions, CaseLevers cases) {
        return new ScenarioRunner(scenario, clock, conditions, cases);
    }

    public Instant startedAt() {
        return start;
    }

    /** Applies every step that is due by the clock and not applied yet; answers how many it applied. */
    public synchronized int runDue() {
        int applied = 0;
        Instant now = clock.instant();
        while (next < scenario.steps().size()) {
            TimedStep step = scenario.steps().get(next);
            Instant due = start.plus(step.at());
            if (due.isAfter(now)) {
                break;
            }
            log.info("scenario {}: line {} at {}: {}", scenario.name(), step.line(), step.at(), step.step());
            step.step().apply(conditions, cases);
            played.add(new PlayedStep(step, due, now));
            next++;
            applied++;
        }
        return applied;
    }

    /** When the next step is due, or empty when all have been applied. */
    public synchronized Optional<Instant> nextDue() {
        return next < scenario.steps().size()
                ? Optional.of(start.plus(scenario.steps().get(next).at()))
                : Optional.empty();
    }

    public synchronized boolean finished() {
        return next == scenario.steps().size();
    }

    /** Runs every step, pausing until each is due. */
    public void playToEnd(Pause pause) throws InterruptedException {
        playUntil(Instant.MAX, pause);
    }

    /**
     * Runs the steps due up to {@code offset} from the start, pausing until each is due, and stops there: later steps
     * (a scenario's all-clear) stay for a later call. Does not pause past the last step it runs.
     */
    public void playUntil(Duration offset, Pause pause) throws InterruptedException {
        playUntil(start.plus(offset), pause);
    }

    private void playUntil(Instant until, Pause pause) throws InterruptedException {
        runDue();
        Optional<Instant> due;
        while ((due = nextDue()).isPresent() && !due.get().isAfter(until)) {
            pause.until(due.get());
            runDue();
        }
    }

    public synchronized List<PlayedStep> played() {
        return List.copyOf(played);
    }
}
