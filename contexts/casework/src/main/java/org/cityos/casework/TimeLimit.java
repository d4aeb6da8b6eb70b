package org.cityos.casework;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An amount of time in one unit, written {@code 30m}, {@code 2h}, {@code 24h}, {@code 4wh}, {@code 3d}, {@code 15wd}. */
public record TimeLimit(int amount, LimitUnit unit) {
    private static final Pattern WRITTEN = Pattern.compile("(\\d{1,6})\\s*(m|h|wh|d|wd)");

    public TimeLimit {
        if (unit == null || amount < 1 || amount > unit.max()) {
            throw new IllegalArgumentException("not a sane time limit: " + amount + " " + unit);
        }
    }

    public static TimeLimit of(int amount, LimitUnit unit) {
        return new TimeLimit(amount, unit);
    }

    /** The limit, or empty when the text is not an amount with a unit or the amount is out of the unit's range. */
    public static Optional<TimeLimit> parse(String text) {
        Matcher m = shape(text);
        if (m == null) {
            return Optional.empty();
        }
        LimitUnit unit = LimitUnit.bySymbol(m.group(2));
        int amount = Integer.parseInt(m.group(1));
        return amount < 1 || amount > unit.max() ? Optional.empty() : Optional.of(new TimeLimit(amount, unit));
    }

    /** The unit of a well-written limit whose amount may be out of range, so the error can name the range. */
    public static Optional<LimitUnit> writtenUnit(String text) {
        Matcher m = shape(text);
        return m == null ? Optional.empty() : Optional.of(LimitUnit.bySymbol(m.group(2)));
    }

    private static Matcher shape(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = WRITTEN.matcher(text.strip().toLowerCase(Locale.ROOT));
        return m.matches() ? m : null;
    }

    @JsonValue
    @Override
    public String toString() {
        return amount + unit.symbol();
    }
}
