package org.cityos.catalog.theme;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Filter values written into a materialised view's SQL. A materialised view cannot take bind parameters, so each
 * value is parsed by its column's type and rendered from the parsed value: a number, boolean, instant or date
 * leaves no text of the caller in the SQL at all; text is quoted exactly as PostgreSQL's {@code quote_literal}
 * does (quotes and backslashes doubled, {@code E''} form when a backslash occurs), so it is one literal whatever
 * {@code standard_conforming_strings} says.
 */
final class Literals {
    static final int MAX_TEXT = 500;

    private Literals() {}

    /** The literal for {@code value} in a column of {@code type}, empty when the value is not of that type. */
    static Optional<String> render(ColumnType type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return switch (type) {
                case TEXT ->
                    value.length() > MAX_TEXT || value.indexOf('\0') >= 0
                            ? Optional.empty()
                            : Optional.of(quote(value));
                case NUMBER -> Optional.of("(" + new BigDecimal(value.strip()).toPlainString() + ")");
                case BOOLEAN -> bool(value);
                case TIMESTAMP -> Optional.of(quote(instant(value).toString()) + "::timestamptz");
                case DATE ->
                    Optional.of("DATE " + quote(LocalDate.parse(value.strip()).toString()));
                case OTHER -> Optional.empty();
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A positive ISO-8601 duration of at most ten years, as a PostgreSQL interval of whole seconds. */
    static Optional<String> interval(String value) {
        try {
            Duration d = Duration.parse(value.strip());
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(3660)) > 0) {
                return Optional.empty();
            }
            return Optional.of("make_interval(secs => " + d.toSeconds() + ")");
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** PostgreSQL's {@code quote_literal}. */
    static String quote(String text) {
        String doubled = text.replace("'", "''");
        if (text.indexOf('\\') >= 0) {
            return "E'" + doubled.replace("\\", "\\\\") + "'";
        }
        return "'" + doubled + "'";
    }

    private static Optional<String> bool(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of("true");
            case "false" -> Optional.of("false");
            default -> Optional.empty();
        };
    }

    private static Instant instant(String value) {
        String v = value.strip();
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(v).toInstant();
        }
    }
}
