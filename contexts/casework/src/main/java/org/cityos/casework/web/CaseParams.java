package org.cityos.casework.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cityos.casework.CaseId;
import org.cityos.casework.UnitRef;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;

/** Request values read strictly: a bad one is a 400 naming the field (an id of the wrong shape is a 404). */
final class CaseParams {
    private CaseParams() {}

    static CaseId id(String id) {
        return CaseId.parse(id).orElseThrow(() -> new NotFound("case", id));
    }

    static UnitRef unit(String field, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInput.of(field, "validation.required");
        }
        return UnitRef.parse(text).orElseThrow(() -> InvalidInput.of(field, "problem.case-bad-unit", text));
    }

    static List<UnitRef> units(String field, List<String> texts) {
        List<UnitRef> units = new ArrayList<>();
        for (int i = 0; texts != null && i < texts.size(); i++) {
            units.add(unit(field + "[" + i + "]", texts.get(i)));
        }
        return units;
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String field, String text, E fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(field, "problem.case-bad-value", text);
        }
    }

    static GeoPoint point(String field, Double lon, Double lat) {
        if (lon == null && lat == null) {
            return null;
        }
        if (lon == null || lat == null || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw InvalidInput.of(field, "problem.case-bad-point");
        }
        return GeoPoint.of(lon, lat);
    }

    static Instant instant(String field, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, "problem.case-bad-value", s);
        }
    }

    static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("If-Match", "problem.case-bad-value", ifMatch);
        }
    }
}
