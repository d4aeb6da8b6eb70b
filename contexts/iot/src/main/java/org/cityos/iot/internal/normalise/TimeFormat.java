package org.cityos.iot.internal.normalise;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import tools.jackson.databind.JsonNode;

/**
 * How a message writes its time. AUTO reads numbers as epoch seconds below 10^11 and epoch milliseconds
 * above (10^11 s lies in the year 5138, 10^11 ms in 1973), and text as digits or ISO-8601; a local time
 * without offset is read in {@code zone}.
 */
record TimeFormat(Kind kind, DateTimeFormatter pattern, ZoneId zone) {
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    static final TimeFormat AUTO = new TimeFormat(Kind.AUTO, null, DEFAULT_ZONE);
    private static final double SECONDS_BELOW = 1e11;

    enum Kind {
        AUTO,
        EPOCH_MILLIS,
        EPOCH_SECONDS,
        ISO,
        PATTERN
    }

    /** The instant a JSON member gives; throws {@link PayloadProblem} when it is none. */
    Instant read(JsonNode node) {
        if (node.isNumber() && kind != Kind.ISO && kind != Kind.PATTERN) {
            return epoch(node.doubleValue(), node);
        }
        if (node.isString()) {
            return read(node.stringValue());
        }
        throw unreadable(node);
    }

    Instant read(String text) {
        String t = text.strip();
        if ((kind == Kind.AUTO || kind == Kind.EPOCH_MILLIS || kind == Kind.EPOCH_SECONDS) && numeric(t)) {
            return epoch(Double.parseDouble(t), '"' + t + '"');
        }
        try {
            if (kind == Kind.PATTERN) {
                return instant(pattern.parse(t));
            }
            if (kind == Kind.AUTO || kind == Kind.ISO) {
                if (t.length() > 10 && t.charAt(10) == ' ') {
                    t = t.substring(0, 10) + 'T' + t.substring(11);
                }
                return instant(DateTimeFormatter.ISO_DATE_TIME.parse(t));
            }
        } catch (DateTimeException e) {
            throw unreadable('"' + text + '"');
        }
        throw unreadable('"' + text + '"');
    }

    private Instant instant(TemporalAccessor t) {
        if (t.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)) {
            return ZonedDateTime.from(t).toInstant();
        }
        if (t.isSupported(java.time.temporal.ChronoField.HOUR_OF_DAY)) {
            return LocalDateTime.from(t).atZone(zone).toInstant();
        }
        return LocalDate.from(t).atStartOfDay(zone).toInstant();
    }

    private Instant epoch(double v, Object written) {
        if (!Double.isFinite(v) || Math.abs(v) > 1e15) {
            throw unreadable(written);
        }
        boolean millis = kind == Kind.EPOCH_MILLIS || (kind == Kind.AUTO && Math.abs(v) >= SECONDS_BELOW);
        long ms = millis ? (long) v : Math.round(v * 1000);
        return Instant.ofEpochMilli(ms);
    }

    private static PayloadProblem unreadable(Object written) {
        return new PayloadProblem("timestamp " + PayloadProblem.quote(written) + " is not a time");
    }

    /** Digits with at most one point and an optional sign: what epoch times look like, checked without regex. */
    static boolean numeric(String s) {
        int i = s.startsWith("-") ? 1 : 0;
        boolean digit = false;
        boolean point = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digit;
    }
}
