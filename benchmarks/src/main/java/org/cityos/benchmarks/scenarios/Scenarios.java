package org.cityos.benchmarks.scenarios;

import org.cityos.benchmarks.ingest.LoadRun;
import org.cityos.benchmarks.ingest.RateSearch;
import org.cityos.benchmarks.load.LoadResult;

/** Checks shared by the scenarios. */
final class Scenarios {
    private Scenarios() {}

    /**
     * A scenario where nothing succeeded measured nothing: that is a crash (wrong URL, no token, server
     * down), not a slow figure. Some failures among many successes are reported in the notes instead.
     */
    static void requireSuccess(String scenario, LoadResult result) {
        if (result.ok() == 0) {
            throw new IllegalStateException(scenario + ": no operation succeeded; first error: " + result.firstError());
        }
    }

    /** A broker that acknowledged nothing at any rate is down or refusing us: a crash, not a figure of zero. */
    static void requireAcked(String scenario, RateSearch.Outcome outcome) {
        if (outcome.steps().stream().allMatch(s -> s.run().acked() == 0)) {
            throw new IllegalStateException(scenario + ": no message acknowledged; first error: "
                    + outcome.steps().get(0).run().firstError());
        }
    }

    /** A warm-up nothing of which was acknowledged: CityOS is refusing the devices (tokens, topics), a crash. */
    static void requireAcked(String scenario, LoadRun run) {
        if (run.acked() == 0) {
            throw new IllegalStateException(scenario + ": no message acknowledged; first error: " + run.firstError());
        }
    }
}
