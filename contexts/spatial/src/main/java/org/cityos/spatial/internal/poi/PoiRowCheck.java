package org.cityos.spatial.internal.poi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.Crs;
import org.cityos.spatial.PoiClass;
import org.cityos.spatial.PoiDraft;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a raw file row into a WGS84 {@link PoiDraft}, or says field by field why it cannot: the
 * class may be given by code or by its Chinese or English name; coordinates are in the job's CRS.
 */
public final class PoiRowCheck {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private final Map<String, String> classes = new HashMap<>();
    private final Crs crs;

    public PoiRowCheck(List<PoiClass> catalogue, Crs crs) {
        for (PoiClass c : catalogue) {
            classes.put(c.code().toLowerCase(Locale.ROOT), c.code());
            classes.putIfAbsent(c.nameZh().strip(), c.code());
            classes.putIfAbsent(c.nameEn().strip().toLowerCase(Locale.ROOT), c.code());
        }
        this.crs = crs;
    }

    /** A draft, or the issues of the row (never both). */
    public record Checked(PoiDraft draft, List<FieldIssue> issues) {}

    public Checked check(PoiRow row) {
        List<FieldIssue> issues = new ArrayList<>(row.readIssues());
        String classText = row.get(PoiColumns.CLASS);
        String classCode = classText == null ? null : classes.get(classText.toLowerCase(Locale.ROOT));
        if (classText != null && classCode == null) {
            issues.add(new FieldIssue("class", "problem.unknown-poi-class", classText));
        }
        GeoPoint location = null;
        if (row.readIssues().stream().noneMatch(i -> i.field().equals("geometry"))) {
            Double lon = number(row, PoiColumns.LON, issues);
            Double lat = number(row, PoiColumns.LAT, issues);
            if (lon != null && lat != null) {
                try {
                    location = crs.toWgs84(new GeoPoint(lon, lat));
                } catch (InvalidInput e) {
                    issues.addAll(e.fieldIssues());
                }
            }
        }
        Map<String, Object> attributes = new LinkedHashMap<>(row.extra());
        String json = row.get(PoiColumns.ATTRIBUTES);
        if (json != null) {
            try {
                attributes.putAll(JSON.readValue(json, MAP));
            } catch (RuntimeException e) {
                issues.add(new FieldIssue("attributes", "problem.poi-attributes-json"));
            }
        }
        PoiDraft draft = new PoiDraft(
                classCode == null ? classText : classCode,
                row.get(PoiColumns.NAME),
                location,
                row.get(PoiColumns.ADDRESS),
                row.get(PoiColumns.PHONE),
                attributes,
                row.get(PoiColumns.EXTERNAL_ID));
        for (FieldIssue i : PoiRules.check(draft)) {
            boolean already = issues.stream().anyMatch(x -> x.field().equals(i.field()));
            boolean locationOfBadNumbers = i.field().equals("location") && !issues.isEmpty();
            if (!already && !locationOfBadNumbers) {
                issues.add(i);
            }
        }
        return issues.isEmpty() ? new Checked(draft, List.of()) : new Checked(null, issues);
    }

    private static Double number(PoiRow row, String field, List<FieldIssue> issues) {
        String text = row.get(field);
        if (text == null) {
            issues.add(new FieldIssue(field, "validation.required"));
            return null;
        }
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException(text);
            }
            return v;
        } catch (NumberFormatException e) {
            issues.add(new FieldIssue(field, "problem.poi-not-a-number", text));
            return null;
        }
    }
}
