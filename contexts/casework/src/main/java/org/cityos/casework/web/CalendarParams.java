package org.cityos.casework.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.cityos.casework.Urgency;
import org.cityos.kernel.problem.InvalidInput;

/** Calendar and deadline-policy request parameters read strictly: a bad one is a 400 naming it. */
final class CalendarParams {
    private CalendarParams() {}

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("date", "casework.calendar.date", text);
        }
    }

    static Urgency urgency(String text) {
        try {
            return Urgency.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("urgency", "casework.policy.urgency", text);
        }
    }

    static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, "casework.param.instant", text);
        }
    }

    /** The version from {@code ?version=}, else from If-Match ({@code "3"} or {@code W/"3"}); null when neither. */
    static Integer version(Integer param, String ifMatch) {
        if (param != null) {
            return param;
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("If-Match", "casework.param.version", ifMatch);
        }
    }

    static String etag(int version) {
        return "\"" + version + "\"";
    }
}
