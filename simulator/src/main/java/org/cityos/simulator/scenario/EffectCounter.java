package org.cityos.simulator.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Counts, in a running CityOS, the effects an expectation names that appeared since a moment. */
@FunctionalInterface
public interface EffectCounter {
    long count(Expectation expectation, Instant since);

    /** An expectation and what was found for it. */
    record Outcome(Expectation expectation, long found) {
        public boolean met() {
            return found >= expectation.min();
        }

        @Override
        public String toString() {
            return "line " + expectation.line() + " " + expectation.effect().word() + " " + expectation.filters()
                    + ": found " + found + " of at least " + expectation.min() + (met() ? "" : " — NOT MET");
        }
    }

    /** Every expectation of the scenario with its count now, for a scenario started at {@code since}. */
    default List<Outcome> check(Scenario scenario, Instant since) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Expectation e : scenario.expectations()) {
            outcomes.add(new Outcome(e, count(e, since)));
        }
        return outcomes;
    }
}
