package org.cityos.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cityos.simulator.world.Scale;

/** The simulator's command line, read into settings; a bad option is an {@link IllegalArgumentException} naming it. */
public final class CommandLine {
    static final String USAGE = """
            usage: simulator [--target http://127.0.0.1:8080] [--seed 1] [--scale small|full]
                             [--user admin] [--password …] [--duration 10m] [--speed 1]
                             [--max-connections 15000] [--mqtt-port 1883] [--allow-remote-target]
                             [--requests-per-day 500 (small) | 5000 (full); 0 = devices only]
                             [--grid-patrols 10 (small) | 100 (full): grid workers who act]
            """;
    private static final Set<String> WITH_VALUE = Set.of(
            "--target",
            "--seed",
            "--scale",
            "--user",
            "--password",
            "--duration",
            "--speed",
            "--max-connections",
            "--mqtt-port",
            "--requests-per-day",
            "--grid-patrols");

    private CommandLine() {}

    public static SimulationSettings parse(String... args) {
        Map<String, String> options = new HashMap<>();
        boolean allowRemote = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--allow-remote-target")) {
                allowRemote = true;
            } else if (WITH_VALUE.contains(a)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                options.put(a, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option " + a);
            }
        }
        URI target = URI.create(options.getOrDefault("--target", "http://127.0.0.1:8080"));
        Scale scale = Scale.parse(options.getOrDefault("--scale", "small"));
        return new SimulationSettings(
                target,
                options.getOrDefault("--user", "admin"),
                options.getOrDefault("--password", SimulationSettings.DEMO_PASSWORD),
                number("--seed", options.getOrDefault("--seed", "1")),
                scale,
                (int) number("--mqtt-port", options.getOrDefault("--mqtt-port", "1883")),
                (int) number("--max-connections", options.getOrDefault("--max-connections", "15000")),
                decimal("--speed", options.getOrDefault("--speed", "1")),
                options.containsKey("--duration") ? duration(options.get("--duration")) : null,
                allowRemote,
                decimal(
                        "--requests-per-day",
                        options.getOrDefault("--requests-per-day", scale == Scale.FULL ? "5000" : "500")),
                (int) number(
                        "--grid-patrols",
                        options.getOrDefault(
                                "--grid-patrols", Integer.toString(SimulationSettings.gridPatrols(scale)))));
    }

    private static long number(String option, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, not \"" + text + "\"");
        }
    }

    private static double decimal(String option, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, not \"" + text + "\"");
        }
    }

    /** {@code 90s}, {@code 10m}, {@code 2h} or ISO-8601 ({@code PT10M}). */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--duration must look like 90s, 10m, 2h or PT10M, not \"" + text + "\"");
        }
    }
}
