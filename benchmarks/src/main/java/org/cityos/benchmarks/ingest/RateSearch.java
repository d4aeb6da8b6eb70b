package org.cityos.benchmarks.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Steps the offered rate up by a factor until the broker no longer keeps up, defined as p99 intended-send →
 * PUBACK above {@link #P99_LIMIT}, fewer than {@link #MIN_ACKED} of the offered messages acknowledged, or its
 * draining subscriber receiving fewer of them or later than that (p99 publish → subscriber);
 * the last step that kept up is the maximum sustained rate.
 */
public final class RateSearch {
    public static final Duration P99_LIMIT = Duration.ofSeconds(1);
    public static final double MIN_ACKED = 0.99;

    /**
     * @param firstRate the first step's offered rate, messages/s
     * @param factor each next step's rate = previous × factor
     * @param maxSteps at most this many steps
     * @param step how long each step sends
     * @param drain how long each step waits for late PUBACKs and for the subscriber to catch up
     * @param refinements steps spent after the first failure halving (geometrically) the gap between the last
     *     rate that kept up and the first that did not, so a coarse factor still finds the edge closely
     */
    public record Plan(double firstRate, double factor, int maxSteps, Duration step, Duration drain, int refinements) {
        public Plan(double firstRate, double factor, int maxSteps, Duration step, Duration drain) {
            this(firstRate, factor, maxSteps, step, drain, 0);
        }
    }

    /** One step: the publishers' view and the subscriber's. */
    public record Step(LoadRun run, DrainingSubscriber.Snapshot drained, boolean sustained) {}

    /** Every step taken, the last one the first that did not keep up (unless the plan ran out first). */
    public record Outcome(List<Step> steps) {
        /** The fastest step that kept up, or null if none did. */
        public Step best() {
            Step best = null;
            for (Step s : steps) {
                if (s.sustained()) {
                    best = s;
                }
            }
            return best;
        }

        /** e.g. "2,000 ok, 3,000 ok, 4,500 p99 1.4 s" for the notes. */
        public String trail() {
            List<String> parts = new ArrayList<>();
            for (Step s : steps) {
                String rate = org.cityos.benchmarks.Numbers.figure(s.run().offeredRate());
                parts.add(rate + (s.sustained() ? " ok" : " " + why(s)));
            }
            return String.join(", ", parts);
        }

        private static String why(Step s) {
            LoadRun run = s.run();
            if (run.ackedShare() >= MIN_ACKED
                    && run.latencyMicros().getValueAtPercentile(99) <= P99_LIMIT.toNanos() / 1000) {
                return "subscriber got " + s.drained().messages() + " of " + run.acked() + ", p99 "
                        + org.cityos.benchmarks.Numbers.millis(
                                s.drained().endToEndMicros().getValueAtPercentile(99));
            }
            if (run.ackedShare() < MIN_ACKED) {
                return "acked " + org.cityos.benchmarks.Numbers.figure(100 * run.ackedShare()) + "%";
            }
            return "p99 "
                    + org.cityos.benchmarks.Numbers.millis(run.latencyMicros().getValueAtPercentile(99));
        }
    }

    private RateSearch() {}

    public static Outcome climb(MqttLoad load, DrainingSubscriber subscriber, Plan plan) {
        List<Step> steps = new ArrayList<>();
        double rate = plan.firstRate();
        double kept = 0;
        long[] expected = {subscriber.received()};
        for (int i = 0; i < plan.maxSteps(); i++) {
            Step s = step(load, subscriber, plan, rate, expected);
            steps.add(s);
            if (!s.sustained()) {
                break;
            }
            kept = rate;
            rate *= plan.factor();
        }
        double failed = steps.get(steps.size() - 1).sustained() ? 0 : rate;
        for (int i = 0; i < plan.refinements() && kept > 0 && failed > 0; i++) {
            double middle = Math.sqrt(kept * failed);
            Step s = step(load, subscriber, plan, middle, expected);
            steps.add(s);
            if (s.sustained()) {
                kept = middle;
            } else {
                failed = middle;
            }
        }
        return new Outcome(steps);
    }

    private static Step step(MqttLoad load, DrainingSubscriber subscriber, Plan plan, double rate, long[] expected) {
        LoadRun run = load.run(rate, plan.step(), plan.drain());
        expected[0] += run.acked();
        // Let the subscriber catch up so the next step does not start against a backlog.
        subscriber.awaitReceived(expected[0], plan.drain());
        expected[0] = Math.max(expected[0], subscriber.received());
        DrainingSubscriber.Snapshot drained = subscriber.snapshot();
        // Like CityOS's publish→queryable, a broker keeps up only when its subscriber got the messages in time.
        boolean delivered = drained.messages() >= MIN_ACKED * run.acked()
                && (drained.messages() == 0
                        || drained.endToEndMicros().getValueAtPercentile(99) <= P99_LIMIT.toNanos() / 1000);
        boolean ok = run.sustained(MIN_ACKED, P99_LIMIT) && delivered;
        System.out.println("  " + Math.round(rate) + " msg/s offered: acked "
                + Math.round(run.ackedRate()) + "/s (" + Math.round(1000 * run.ackedShare()) / 10.0 + "%), "
                + org.cityos.benchmarks.Numbers.percentiles(run.latencyMicros()) + ", subscriber got "
                + drained.messages() + " " + org.cityos.benchmarks.Numbers.percentiles(drained.endToEndMicros())
                + (ok ? "" : " — not sustained"));
        return new Step(run, drained, ok);
    }
}
