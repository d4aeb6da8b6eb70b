package org.cityos.simulator.scenario;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cityos.kernel.GeoPoint;

/**
 * The {@code key=value} words of one line, read as the type each key needs; every bad value is reported at the
 * column where the value starts.
 */
final class Arguments {
    private static final Pattern DURATION = Pattern.compile("(\\d+)([smhd])");

    /** A word of the line and the column it starts at. */
    record Word(String text, int column) {}

    private final String source;
    private final int line;
    private final int endColumn;
    private final Map<String, Word> values = new LinkedHashMap<>();

    Arguments(String source, int line, int endColumn) {
        this.source = source;
        this.line = line;
        this.endColumn = endColumn;
    }

    /** Adds a {@code key=value} word; a second value for the same key is an error. */
    void add(Word word) {
        int eq = word.text().indexOf('=');
        if (eq <= 0 || eq == word.text().length() - 1) {
            throw error(word.column(), "expected key=value, found '" + word.text() + "'");
        }
        String key = word.text().substring(0, eq);
        if (values.containsKey(key)) {
            throw error(word.column(), "key '" + key + "' given twice");
        }
        values.put(key, new Word(word.text().substring(eq + 1), word.column() + eq + 1));
    }

    Map<String, Word> all() {
        return values;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String text(String key) {
        return required(key).text();
    }

    double number(String key) {
        Word w = required(key);
        try {
            double d = Double.parseDouble(w.text());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below, with the column
        }
        throw error(w.column(), "bad number for " + key + ": '" + w.text() + "'");
    }

    double nonNegative(String key) {
        double d = number(key);
        if (d < 0) {
            throw error(
                    required(key).column(),
                    key + " must not be negative, found " + required(key).text());
        }
        return d;
    }

    double nonNegative(String key, double otherwise) {
        return has(key) ? nonNegative(key) : otherwise;
    }

    int count(String key) {
        Word w = required(key);
        try {
            int n = Integer.parseInt(w.text());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the column
        }
        throw error(w.column(), "bad number for " + key + ": '" + w.text() + "' (a whole number of at least 1)");
    }

    GeoPoint point(String key) {
        Word w = required(key);
        String[] parts = w.text().split(",", -1);
        if (parts.length == 2) {
            try {
                double lon = Double.parseDouble(parts[0]);
                double lat = Double.parseDouble(parts[1]);
                if (lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90) {
                    return new GeoPoint(lon, lat);
                }
            } catch (NumberFormatException e) {
                // reported below, with the column
            }
        }
        throw error(w.column(), "bad point for " + key + ": '" + w.text() + "' (expected lon,lat in degrees)");
    }

    Duration duration(String key) {
        Word w = required(key);
        return duration(w, key);
    }

    Duration duration(Word w, String what) {
        Matcher m = DURATION.matcher(w.text());
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(
                    switch (m.group(2)) {
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    });
            end = m.end();
        }
        if (end == 0 || end != w.text().length()) {
            throw error(w.column(), "bad duration for " + what + ": '" + w.text() + "' (like 90s, 40m, 1h30m, 2d)");
        }
        return total;
    }

    private Word required(String key) {
        Word w = values.get(key);
        if (w == null) {
            throw error(endColumn, "missing key '" + key + "'");
        }
        return w;
    }

    BadScenarioFile error(int column, String reason) {
        return new BadScenarioFile(source, line, column, reason);
    }
}
