package org.cityos.spatial.internal.layers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.FeatureBox;
import org.cityos.spatial.FeatureQuery;
import org.cityos.spatial.FeatureTimeFilter;

/** Parses the query parameters of OGC API – Features ({@code bbox}, {@code datetime}, {@code limit}, {@code offset}). */
public final class FeatureParameters {
    private static final String OPEN = "..";

    private FeatureParameters() {}

    /** {@code minLon,minLat,maxLon,maxLat}, or the six-number form with heights (which are ignored); null if absent. */
    public static FeatureBox bbox(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw InvalidInput.of("bbox", "problem.layer.bbox-format", text);
        }
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw InvalidInput.of("bbox", "problem.layer.bbox-format", text);
            }
        }
        return parts.length == 4 ? new FeatureBox(v[0], v[1], v[2], v[3]) : new FeatureBox(v[0], v[1], v[3], v[4]);
    }

    /**
     * An RFC 3339 instant, a date (the whole UTC day), or an interval {@code start/end} whose open end
     * is {@code ..} or empty; null if absent.
     */
    public static FeatureTimeFilter datetime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash < 0) {
            if (t.equals(OPEN)) {
                throw InvalidInput.of("datetime", "problem.layer.datetime-format", text);
            }
            return isDate(t)
                    ? new FeatureTimeFilter(dayStart(t, text), dayEnd(t, text))
                    : FeatureTimeFilter.at(instant(t, text));
        }
        if (t.indexOf('/', slash + 1) >= 0) {
            throw InvalidInput.of("datetime", "problem.layer.datetime-format", text);
        }
        String from = t.substring(0, slash).strip();
        String to = t.substring(slash + 1).strip();
        Instant start = open(from) ? null : isDate(from) ? dayStart(from, text) : instant(from, text);
        Instant end = open(to) ? null : isDate(to) ? dayEnd(to, text) : instant(to, text);
        return new FeatureTimeFilter(start, end);
    }

    /** The page size: default {@value FeatureQuery#DEFAULT_LIMIT}, at most {@value FeatureQuery#MAX_LIMIT}. */
    public static int limit(String text, int byDefault) {
        return integer("limit", text, byDefault, 1, FeatureQuery.MAX_LIMIT);
    }

    public static int offset(String text) {
        return integer("offset", text, 0, 0, Integer.MAX_VALUE);
    }

    private static int integer(String field, String text, int byDefault, int min, int max) {
        if (text == null || text.isBlank()) {
            return byDefault;
        }
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of(field, "problem.layer.not-an-integer", text);
        }
        if (value < min || value > max) {
            throw max == Integer.MAX_VALUE
                    ? InvalidInput.of(field, "validation.min", min)
                    : InvalidInput.of(field, "validation.range", min, max);
        }
        return (int) value;
    }

    private static boolean open(String part) {
        return part.isEmpty() || part.equals(OPEN);
    }

    private static boolean isDate(String part) {
        return part.length() == 10 && part.charAt(4) == '-' && part.charAt(7) == '-';
    }

    private static Instant instant(String part, String whole) {
        try {
            // RFC 3339 allows a lowercase 't' and 'z'; java.time wants them uppercase.
            return OffsetDateTime.parse(part.toUpperCase(Locale.ROOT)).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("datetime", "problem.layer.datetime-format", whole);
        }
    }

    private static Instant dayStart(String part, String whole) {
        return date(part, whole).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant dayEnd(String part, String whole) {
        return date(part, whole)
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .minusNanos(1000);
    }

    private static LocalDate date(String part, String whole) {
        try {
            return LocalDate.parse(part);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("datetime", "problem.layer.datetime-format", whole);
        }
    }
}
