package org.cityos.simulator;

import java.time.Duration;
import java.time.Instant;

/** The simulator's command line: loads a synthetic district into a CityOS on this machine and keeps it reporting. */
public final class Simulator {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private Simulator() {}

    public static void main(String[] args) throws InterruptedException {
        SimulationSettings settings;
        try {
            settings = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("simulator: " + e.getMessage());
            System.err.print(CommandLine.USAGE);
            System.exit(2);
            return;
        }
        SimulationClock clock = SimulationClock.startingNow(settings.speed());
        say("target " + settings.target() + ", seed " + settings.seed() + ", scale "
                + settings.scale().name().toLowerCase(java.util.Locale.ROOT) + ", speed ×" + settings.speed());
        SimulatedCity city = SimulatedCity.start(settings, clock, Simulator::say);
        Runtime.getRuntime().addShutdownHook(new Thread(city::close, "sim-shutdown"));
        Instant end = settings.duration() == null ? Instant.MAX : Instant.now().plus(settings.duration());
        long lastSent = 0;
        while (Instant.now().isBefore(end)) {
            Thread.sleep(Math.min(
                    PROGRESS_EVERY.toMillis(),
                    Math.max(1, Duration.between(Instant.now(), end).toMillis())));
            var s = city.stats();
            say(String.format(
                            "simulated %s: %d sent (%.0f/s), %d acknowledged, %d failed, %d dropouts%s",
                            clock.instant(),
                            s.sent(),
                            (s.sent() - lastSent) / (double) PROGRESS_EVERY.toSeconds(),
                            s.acknowledged(),
                            s.failed(),
                            s.skipped(),
                            s.lastError() == null ? "" : "; last error: " + s.lastError())
                    + city.life()
                            .map(CityLife::stats)
                            .map(l -> String.format(
                                    "; people: %d requests filed, %d grid reports, %d handler actions, %d on-site"
                                            + " checks, %d closed, %d refused, %d failed ticks",
                                    l.filed(),
                                    l.gridReports(),
                                    l.handlerActions(),
                                    l.onSiteChecks(),
                                    l.closed(),
                                    l.refused(),
                                    l.failedTicks()))
                            .orElse(""));
            lastSent = s.sent();
        }
        city.close();
        System.exit(0);
    }

    private static void say(String message) {
        System.out.println(Instant.now() + "  " + message);
    }
}
