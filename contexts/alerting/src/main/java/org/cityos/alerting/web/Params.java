package org.cityos.alerting.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cityos.alerting.AlarmId;
import org.cityos.alerting.AlarmStatus;
import org.cityos.alerting.RuleId;
import org.cityos.alerting.RuleKind;
import org.cityos.alerting.Severity;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;

/** Request parameters read strictly: a bad one is a 400 naming it (or a 404 for an id of the wrong shape). */
final class Params {
    private Params() {}

    static RuleId rule(String id) {
        return RuleId.parse(id).orElseThrow(() -> new NotFound("rule", id));
    }

    static AlarmId alarm(String id) {
        return AlarmId.parse(id).orElseThrow(() -> new NotFound("alarm", id));
    }

    static RuleKind kind(String s) {
        try {
            return RuleKind.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("kind", "alerting.param.kind", s);
        }
    }

    static Instant instant(String field, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, "alerting.param.instant", s);
        }
    }

    static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("If-Match", "alerting.param.version", ifMatch);
        }
    }

    static List<AlarmStatus> statuses(List<String> values) {
        List<AlarmStatus> out = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            for (String part : v.split(",")) {
                try {
                    out.add(AlarmStatus.valueOf(part.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw InvalidInput.of("status", "alerting.param.status", part);
                }
            }
        }
        return out;
    }

    static List<Severity> severities(List<String> values) {
        List<Severity> out = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            for (String part : v.split(",")) {
                try {
                    out.add(Severity.valueOf(part.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw InvalidInput.of("severity", "alerting.param.severity", part);
                }
            }
        }
        return out;
    }
}
