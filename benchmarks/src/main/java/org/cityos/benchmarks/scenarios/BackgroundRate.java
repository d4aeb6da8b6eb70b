package org.cityos.benchmarks.scenarios;

import java.util.ArrayList;
import java.util.List;
import org.cityos.benchmarks.Numbers;

/**
 * Chooses the background rate of the alarm-latency scenario: issue 5's measured rate if CityOS, now running the
 * rules, still sustains it here; otherwise steps of ×0.8 down until one is sustained, then one geometric bisection
 * between that and the step above it, so the load is as high as this run can carry, and the notes say which.
 */
final class BackgroundRate {
    static final double STEP_DOWN = 0.8;
    static final int MAX_STEPS_DOWN = 6;

    /** One check at a rate: whether it was sustained, and how it went for the notes (e.g. "acked 82% p99 6.6 s"). */
    record Checked(boolean sustained, String how) {}

    /** Runs the load at a rate and judges it. */
    @FunctionalInterface
    interface Check {
        Checked at(double rate) throws Exception;
    }

    /** The rate to run at and how it was chosen. */
    record Rate(double rate, String chosen) {}

    private BackgroundRate() {}

    static Rate choose(double issueRate, Check check) throws Exception {
        List<String> trail = new ArrayList<>();
        if (tried(issueRate, check, trail)) {
            return new Rate(
                    issueRate, "issue 5's measured rate, sustained again here with the rules on" + steps(trail));
        }
        double failed = issueRate;
        double kept = 0;
        double rate = issueRate;
        for (int i = 0; i < MAX_STEPS_DOWN && kept == 0; i++) {
            rate *= STEP_DOWN;
            if (tried(rate, check, trail)) {
                kept = rate;
            } else {
                failed = rate;
            }
        }
        if (kept == 0) {
            return new Rate(rate, "no rate sustained here, down to the lowest tried, which it ran at" + steps(trail));
        }
        double middle = Math.sqrt(kept * failed);
        if (tried(middle, check, trail)) {
            kept = middle;
        }
        return new Rate(
                kept,
                "issue 5's rate (" + Numbers.figure(issueRate) + " msg/s) not sustained here with the rules on;"
                        + " the highest rate sustained in this run" + steps(trail));
    }

    private static boolean tried(double rate, Check check, List<String> trail) throws Exception {
        Checked c = check.at(rate);
        trail.add(Numbers.figure(rate) + " " + (c.sustained() ? "ok" : c.how()));
        return c.sustained();
    }

    private static String steps(List<String> trail) {
        return " (8 s steps, ≥ 99% acked with p99 PUBACK ≤ 1 s: " + String.join(", ", trail) + ")";
    }
}
