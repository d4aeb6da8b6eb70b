package org.cityos.casework;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * When to warn before a deadline: either a fraction of the span (written {@code 0.2}: warn when 80 % of the time is
 * used) or a fixed time limit before it (written like a limit, {@code 4wh}). Exactly one of the two is set.
 */
public record WarnBefore(BigDecimal fraction, TimeLimit limit) {
    public static final WarnBefore DEFAULT = new WarnBefore(new BigDecimal("0.2"), null);

    public WarnBefore {
        if ((fraction == null) == (limit == null)) {
            throw new IllegalArgumentException("warn before a fraction or a limit, not both or neither");
        }
        if (fraction != null && (fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) >= 0)) {
            throw new IllegalArgumentException("the warning fraction lies strictly between 0 and 1: " + fraction);
        }
    }

    /** {@code 0.2} or {@code 4wh}; empty when it is neither a fraction in (0, 1) nor a sane limit. */
    public static Optional<WarnBefore> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.startsWith("0.") || s.startsWith(".")) {
            try {
                BigDecimal f = new BigDecimal(s);
                return f.signum() > 0 && f.compareTo(BigDecimal.ONE) < 0 && f.scale() <= 4
                        ? Optional.of(new WarnBefore(f, null))
                        : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return TimeLimit.parse(s).map(l -> new WarnBefore(null, l));
    }

    @JsonValue
    @Override
    public String toString() {
        return fraction != null ? fraction.toPlainString() : limit.toString();
    }
}
