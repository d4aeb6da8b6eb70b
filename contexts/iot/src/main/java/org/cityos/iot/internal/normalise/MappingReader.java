package org.cityos.iot.internal.normalise;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cityos.iot.PayloadMapping;
import org.cityos.iot.PayloadMapping.Csv;
import org.cityos.iot.PayloadMapping.Rule;
import org.cityos.iot.PayloadMapping.Timestamp;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/** Reads a {@link PayloadMapping} from JSON, collecting every broken rule as a field issue so one round fixes all. */
public final class MappingReader {
    static final Set<String> EPOCH_AND_ISO = Set.of("EPOCH_MILLIS", "EPOCH_SECONDS", "ISO");

    private MappingReader() {}

    public static PayloadMapping read(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw InvalidInput.of("mapping", "payload.mapping-object");
        }
        List<FieldIssue> issues = new ArrayList<>();
        Timestamp timestamp = timestamp(json.get("timestamp"), issues);
        String items = text(json, "items", "items", issues);
        if (items != null) {
            path("items", items, issues);
        }
        List<Rule> rules = rules(json.get("properties"), issues);
        Csv csv = csv(json.get("csv"), issues);
        if (rules.isEmpty()
                && csv == null
                && !issues.stream().anyMatch(i -> i.field().startsWith("properties"))) {
            issues.add(new FieldIssue("properties", "validation.required"));
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        return new PayloadMapping(timestamp, items, rules, csv);
    }

    /** A JSON Pointer ({@code /data/pm25}) or a dotted path ({@code data.pm25}, {@code data.samples[0].v}). */
    static JsonPointer pointer(String path) {
        if (path.startsWith("/")) {
            // Jackson reads a stray ~ literally; RFC 6901 allows only ~0 and ~1, and a typo should be reported.
            for (int i = path.indexOf('~'); i >= 0; i = path.indexOf('~', i + 1)) {
                if (i + 1 == path.length() || (path.charAt(i + 1) != '0' && path.charAt(i + 1) != '1')) {
                    throw new IllegalArgumentException("bad escape in " + path);
                }
            }
            return JsonPointer.compile(path);
        }
        StringBuilder b = new StringBuilder();
        for (String segment : path.replace("[", ".").replace("]", "").split("\\.", -1)) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("empty segment in " + path);
            }
            b.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return JsonPointer.compile(b.toString());
    }

    /** Parses a timestamp format; null stands for recognising the format by itself. */
    static TimeFormat timeFormat(String format, String zone) {
        ZoneId z = ZoneId.of(zone == null ? PayloadMapping.DEFAULT_ZONE : zone);
        if (format == null) {
            return new TimeFormat(TimeFormat.Kind.AUTO, null, z);
        }
        if (EPOCH_AND_ISO.contains(format)) {
            return new TimeFormat(TimeFormat.Kind.valueOf(format), null, z);
        }
        return new TimeFormat(TimeFormat.Kind.PATTERN, DateTimeFormatter.ofPattern(format), z);
    }

    private static Timestamp timestamp(JsonNode t, List<FieldIssue> issues) {
        if (t == null || t.isNull()) {
            return null;
        }
        if (!t.isObject()) {
            issues.add(new FieldIssue("timestamp", "payload.mapping-object"));
            return null;
        }
        String path = text(t, "path", "timestamp.path", issues);
        String format = text(t, "format", "timestamp.format", issues);
        String zone = text(t, "zone", "timestamp.zone", issues);
        if (path != null) {
            path("timestamp.path", path, issues);
        }
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                issues.add(new FieldIssue("timestamp.zone", "payload.zone", zone));
            }
        }
        if (format != null && !EPOCH_AND_ISO.contains(format)) {
            try {
                DateTimeFormatter.ofPattern(format);
            } catch (IllegalArgumentException e) {
                issues.add(new FieldIssue("timestamp.format", "payload.time-format", format));
            }
        }
        return new Timestamp(path, format, zone == null ? PayloadMapping.DEFAULT_ZONE : zone);
    }

    private static List<Rule> rules(JsonNode array, List<FieldIssue> issues) {
        List<Rule> rules = new ArrayList<>();
        if (array == null || array.isNull()) {
            return rules;
        }
        if (!array.isArray()) {
            issues.add(new FieldIssue("properties", "payload.mapping-array"));
            return rules;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode r = array.get(i);
            String at = "properties[" + i + "]";
            if (!r.isObject()) {
                issues.add(new FieldIssue(at, "payload.mapping-object"));
                continue;
            }
            String path = text(r, "path", at + ".path", issues);
            String property = text(r, "property", at + ".property", issues);
            String unit = text(r, "unit", at + ".unit", issues);
            double scale = number(r, "scale", 1, at + ".scale", issues);
            double offset = number(r, "offset", 0, at + ".offset", issues);
            if (path == null) {
                issues.add(new FieldIssue(at + ".path", "validation.required"));
            } else {
                path(at + ".path", path, issues);
            }
            if (property == null) {
                issues.add(new FieldIssue(at + ".property", "validation.required"));
            } else if (!seen.add(property)) {
                issues.add(new FieldIssue(at + ".property", "payload.duplicate-property", property));
            }
            if (scale == 0) {
                issues.add(new FieldIssue(at + ".scale", "payload.scale-zero"));
            }
            rules.add(new Rule(path, property, unit, scale, offset));
        }
        return rules;
    }

    private static Csv csv(JsonNode c, List<FieldIssue> issues) {
        if (c == null || c.isNull()) {
            return null;
        }
        if (!c.isObject()) {
            issues.add(new FieldIssue("csv", "payload.mapping-object"));
            return null;
        }
        String delimiter = text(c, "delimiter", "csv.delimiter", issues);
        if (delimiter != null && (delimiter.length() != 1 || delimiter.equals("\"") || delimiter.equals("\n"))) {
            issues.add(new FieldIssue("csv.delimiter", "payload.csv-delimiter", delimiter));
        }
        JsonNode h = c.get("header");
        if (h != null && !h.isBoolean()) {
            issues.add(new FieldIssue("csv.header", "payload.mapping-boolean"));
        }
        boolean header = h != null && h.isBoolean() && h.booleanValue();
        List<String> columns = new ArrayList<>();
        JsonNode cols = c.get("columns");
        if (cols != null && !cols.isArray()) {
            issues.add(new FieldIssue("csv.columns", "payload.mapping-array"));
        } else if (cols != null) {
            for (int i = 0; i < cols.size(); i++) {
                JsonNode col = cols.get(i);
                if (!col.isString() || col.stringValue().isBlank() || columns.contains(col.stringValue())) {
                    issues.add(new FieldIssue("csv.columns[" + i + "]", "payload.csv-column", col.toString()));
                } else {
                    columns.add(col.stringValue().strip());
                }
            }
        }
        if (!header && (cols == null || (cols.isArray() && cols.isEmpty()))) {
            issues.add(new FieldIssue("csv.columns", "payload.csv-columns"));
        }
        return new Csv(columns, delimiter, header);
    }

    private static void path(String field, String path, List<FieldIssue> issues) {
        try {
            pointer(path);
        } catch (IllegalArgumentException e) {
            issues.add(new FieldIssue(field, "payload.path", path));
        }
    }

    private static String text(JsonNode parent, String member, String field, List<FieldIssue> issues) {
        JsonNode v = parent.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        boolean empty = member.equals("delimiter")
                ? v.stringValue("").isEmpty()
                : v.stringValue("").isBlank();
        if (!v.isString() || empty) {
            issues.add(new FieldIssue(field, "payload.mapping-text"));
            return null;
        }
        return member.equals("delimiter") ? v.stringValue() : v.stringValue().strip();
    }

    private static double number(JsonNode parent, String member, double fallback, String field, List<FieldIssue> is) {
        JsonNode v = parent.get(member);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            is.add(new FieldIssue(field, "payload.mapping-number"));
            return fallback;
        }
        return v.doubleValue();
    }
}
