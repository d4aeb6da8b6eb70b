package org.cityos.benchmarks.scenarios;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cityos.benchmarks.ingest.DeviceEnrolment;

/**
 * The rules the alarm-latency scenario enables. A hundred that an environment bureau could run on its air
 * micro-stations (PM2.5 bands, lasting PM2.5, heat, frost, lasting damp, haze) with thresholds the load's readings
 * ({@code ReadingPayload}: PM2.5 0–300, temperature −10–40 °C, humidity 20–89 %) never reach, so the engine tests
 * every one of them on every load message and raises nothing; and the waterlogging rule the probe device crosses.
 */
final class AlarmRules {
    static final String LOAD_TYPE = DeviceEnrolment.TYPE;
    static final String PROBE_TYPE = "waterlogging-level";
    static final String PROBE_PROPERTY = "currentLevel";
    /** The probe's readings: well above the raise level, and below the clear level. */
    static final double PROBE_HIGH = 0.31;

    static final double PROBE_LOW = 0.05;

    private AlarmRules() {}

    /** {@code property > threshold} (above) or {@code property < threshold}. */
    record Clause(String property, boolean above, double threshold) {
        boolean holds(double value) {
            return above ? value > threshold : value < threshold;
        }

        String cel() {
            return property + (above ? " > " : " < ") + threshold;
        }
    }

    /**
     * One rule as POSTed to {@code /api/alerting/rules}: every clause of {@code condition} must hold to raise;
     * {@code clear} (null: the condition no longer holding) to clear; {@code window} for DURATION rules.
     */
    record Draft(
            String name,
            String kind,
            String severity,
            String deviceType,
            List<String> departments,
            List<Clause> condition,
            Clause clear,
            Duration window,
            String title) {

        boolean raisesAt(Map<String, Double> values) {
            return condition.stream()
                    .allMatch(c -> values.containsKey(c.property()) && c.holds(values.get(c.property())));
        }

        Map<String, Object> json() {
            Map<String, Object> scope = new LinkedHashMap<>();
            scope.put("deviceTypes", List.of(deviceType));
            scope.put("departments", departments);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("kind", kind);
            body.put("severity", severity);
            body.put("scope", scope);
            body.put("condition", condition.stream().map(Clause::cel).collect(Collectors.joining(" && ")));
            if (clear != null) {
                body.put("clearCondition", clear.cel());
            }
            if (window != null) {
                body.put("window", window.toString());
            }
            if (title != null) {
                body.put("title", title);
            }
            return body;
        }
    }

    /** The waterlogging template's rule as a RED alarm: above 0.15 m raises, below 0.10 m clears. */
    static Draft probe() {
        return new Draft(
                "bench 积水探针",
                "THRESHOLD",
                "RED",
                PROBE_TYPE,
                List.of(),
                List.of(new Clause(PROBE_PROPERTY, true, 0.15)),
                new Clause(PROBE_PROPERTY, false, 0.10),
                null,
                "积水 {currentLevel} 米");
    }

    /** 100 rules over the load's type, half of them narrowed to its department (which all load devices are in). */
    static List<Draft> forLoad() {
        List<Draft> rules = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            double t = 300 + 10 * k;
            rules.add(threshold("PM2.5 above " + (int) t, band(t), k, above("pm25", t), below("pm25", t - 50)));
        }
        for (int k = 0; k < 20; k++) {
            double t = 350 + 10 * k;
            Duration lasting = Duration.ofMinutes(5 + 5 * (k % 5));
            rules.add(lasting(
                    "PM2.5 above " + (int) t + " for " + lasting.toMinutes() + " min",
                    band(t),
                    k,
                    List.of(above("pm25", t)),
                    below("pm25", t - 30),
                    lasting));
        }
        for (int k = 0; k < 15; k++) {
            double t = 45 + 0.5 * k;
            rules.add(threshold(
                    "heat above " + t + " °C",
                    k < 10 ? "ORANGE" : "RED",
                    k,
                    above("temperature", t),
                    below("temperature", t - 2)));
        }
        for (int k = 0; k < 10; k++) {
            double t = -20 - k;
            rules.add(threshold(
                    "frost below " + t + " °C",
                    k < 5 ? "YELLOW" : "ORANGE",
                    k,
                    below("temperature", t),
                    above("temperature", t + 2)));
        }
        for (int k = 0; k < 15; k++) {
            double t = 90 + 0.5 * k;
            rules.add(lasting(
                    "damp above " + t + " % for 30 min",
                    "BLUE",
                    k,
                    List.of(above("humidity", t)),
                    below("humidity", 85),
                    Duration.ofMinutes(30)));
        }
        for (int k = 0; k < 10; k++) {
            double t = 300 + 25 * k;
            rules.add(new Draft(
                    "bench haze: PM2.5 above " + (int) t + " with humidity above 60 %",
                    "THRESHOLD",
                    band(t),
                    LOAD_TYPE,
                    departments(k),
                    List.of(above("pm25", t), above("humidity", 60)),
                    null,
                    null,
                    null));
        }
        return List.copyOf(rules);
    }

    private static Draft threshold(String name, String severity, int k, Clause raise, Clause clear) {
        return new Draft(
                "bench " + name, "THRESHOLD", severity, LOAD_TYPE, departments(k), List.of(raise), clear, null, null);
    }

    private static Draft lasting(
            String name, String severity, int k, List<Clause> raise, Clause clear, Duration window) {
        return new Draft("bench " + name, "DURATION", severity, LOAD_TYPE, departments(k), raise, clear, window, null);
    }

    private static List<String> departments(int k) {
        return k % 2 == 0 ? List.of() : List.of("ecology");
    }

    private static String band(double pm25) {
        return pm25 < 400 ? "BLUE" : pm25 < 500 ? "YELLOW" : pm25 < 550 ? "ORANGE" : "RED";
    }

    private static Clause above(String property, double t) {
        return new Clause(property, true, t);
    }

    private static Clause below(String property, double t) {
        return new Clause(property, false, t);
    }
}
