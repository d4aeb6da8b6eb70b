package org.cityos.simulator.scenario;

import java.time.Duration;
import java.util.List;

/**
 * A scenario as its file states it: steps at offsets from its start, in time order, and the effects it should
 * cause in CityOS.
 */
public record Scenario(String name, String description, List<Expectation> expectations, List<TimedStep> steps) {
    public Scenario {
        expectations = List.copyOf(expectations);
        steps = List.copyOf(steps);
    }

    /** The offset of the last step: the scenario has done everything it will do by then. */
    public Duration length() {
        return steps.isEmpty() ? Duration.ZERO : steps.get(steps.size() - 1).at();
    }

    /** The longest time any expectation allows: after this, every expected effect must be there. */
    public Duration patience() {
        return expectations.stream()
                .map(Expectation::within)
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }
}
