package org.cityos.spatial.internal.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.spatial.LayerDefinition;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The shape rules of a layer definition. */
public final class LayerRules {
    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 4000;
    /** Style is drawing hints, not data: a few hundred bytes in practice. */
    public static final int MAX_STYLE_BYTES = 8 * 1024;

    public static final int MAX_READERS = 50;

    private LayerRules() {}

    public static List<FieldIssue> check(LayerDefinition d, JsonMapper json) {
        List<FieldIssue> issues = new ArrayList<>();
        required(issues, "id", d.id());
        text(issues, "titleZh", d.titleZh(), MAX_TITLE, true);
        text(issues, "titleEn", d.titleEn(), MAX_TITLE, true);
        text(issues, "description", d.description(), MAX_DESCRIPTION, false);
        required(issues, "owner", d.owner());
        required(issues, "geometryType", d.geometryType());
        required(issues, "updateFrequency", d.updateFrequency());
        required(issues, "access", d.access());
        if (d.readers().size() > MAX_READERS) {
            issues.add(new FieldIssue("readers", "problem.layer.too-many", MAX_READERS));
        }
        int size = styleSize(d.style(), json);
        if (size < 0) {
            issues.add(new FieldIssue("style", "problem.layer.style-not-json"));
        } else if (size > MAX_STYLE_BYTES) {
            issues.add(new FieldIssue("style", "problem.layer.style-too-large", MAX_STYLE_BYTES));
        }
        return issues;
    }

    /** Serialised size of the style in bytes, or -1 if it cannot be written as JSON. */
    static int styleSize(Map<String, Object> style, JsonMapper json) {
        try {
            return json.writeValueAsBytes(style).length;
        } catch (JacksonException e) {
            return -1;
        }
    }

    private static void required(List<FieldIssue> issues, String field, Object value) {
        if (value == null) {
            issues.add(new FieldIssue(field, "validation.required"));
        }
    }

    private static void text(List<FieldIssue> issues, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                issues.add(new FieldIssue(field, "validation.required"));
            }
            return;
        }
        if (value.strip().length() > max) {
            issues.add(new FieldIssue(field, "validation.too-long", max));
        } else if (value.chars().anyMatch(c -> c != '\n' && Character.isISOControl(c) || c == '<' || c == '>')) {
            issues.add(new FieldIssue(field, "problem.layer.text-characters"));
        }
    }
}
