package org.cityos.spatial.internal.poi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.spatial.PoiClassDraft;
import org.cityos.spatial.PoiDraft;

/** The shape rules of POIs and POI classes, shared by the API, imports and the synthetic loader. */
public final class PoiRules {
    public static final int MAX_NAME = 200;
    public static final int MAX_ADDRESS = 300;
    public static final int MAX_PHONE = 40;
    public static final int MAX_EXTERNAL_ID = 100;
    public static final int MAX_ATTRIBUTES = 50;
    public static final int MAX_ATTRIBUTE_TEXT = 2000;
    public static final int MAX_CLASS_NAME = 50;

    private static final Pattern CLASS_CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Pattern ICON = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ,;/#*转]{3," + MAX_PHONE + "}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9._:/\\-]{1," + MAX_EXTERNAL_ID + "}");

    private PoiRules() {}

    /** Every problem of a draft except its class existing and its place, which need the database. */
    public static List<FieldIssue> check(PoiDraft draft) {
        List<FieldIssue> issues = new ArrayList<>();
        if (draft.classCode() == null || draft.classCode().isBlank()) {
            issues.add(new FieldIssue("class", "validation.required"));
        }
        text("name", draft.name(), MAX_NAME, true, issues);
        if (draft.location() == null) {
            issues.add(new FieldIssue("location", "validation.required"));
        }
        text("address", draft.address(), MAX_ADDRESS, false, issues);
        if (draft.phone() != null
                && !draft.phone().isBlank()
                && !PHONE.matcher(draft.phone().strip()).matches()) {
            issues.add(new FieldIssue("phone", "problem.poi-phone", MAX_PHONE));
        }
        if (draft.externalId() != null
                && !draft.externalId().isBlank()
                && !EXTERNAL_ID.matcher(draft.externalId().strip()).matches()) {
            issues.add(new FieldIssue("externalId", "problem.poi-external-id", MAX_EXTERNAL_ID));
        }
        attributes(draft.attributes(), issues);
        return issues;
    }

    public static List<FieldIssue> checkClass(PoiClassDraft draft, boolean creating) {
        List<FieldIssue> issues = new ArrayList<>();
        if (creating
                && (draft.code() == null || !CLASS_CODE.matcher(draft.code()).matches())) {
            issues.add(new FieldIssue("code", "problem.poi-class-code"));
        }
        text("nameZh", draft.nameZh(), MAX_CLASS_NAME, true, issues);
        text("nameEn", draft.nameEn(), MAX_CLASS_NAME, true, issues);
        if (draft.icon() == null || !ICON.matcher(draft.icon()).matches()) {
            issues.add(new FieldIssue("icon", "problem.poi-class-icon"));
        }
        if (draft.colour() == null || !COLOUR.matcher(draft.colour()).matches()) {
            issues.add(new FieldIssue("colour", "problem.poi-class-colour"));
        }
        if (draft.sortOrder() != null && (draft.sortOrder() < 0 || draft.sortOrder() > 10_000)) {
            issues.add(new FieldIssue("sortOrder", "validation.range", 0, 10_000));
        }
        return issues;
    }

    /** Trims and turns blank into null, so "" and absent mean the same everywhere. */
    public static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void text(String field, String value, int max, boolean required, List<FieldIssue> issues) {
        if (value == null || value.isBlank()) {
            if (required) {
                issues.add(new FieldIssue(field, "validation.required"));
            }
            return;
        }
        if (value.strip().length() > max) {
            issues.add(new FieldIssue(field, "validation.too-long", max));
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) || c == '<' || c == '>')) {
            issues.add(new FieldIssue(field, "problem.poi-text-characters"));
        }
    }

    private static void attributes(Map<String, Object> attributes, List<FieldIssue> issues) {
        if (attributes.size() > MAX_ATTRIBUTES) {
            issues.add(new FieldIssue("attributes", "problem.poi-attributes-count", MAX_ATTRIBUTES));
            return;
        }
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            Object v = e.getValue();
            boolean scalar = v == null || v instanceof String || v instanceof Number || v instanceof Boolean;
            if (e.getKey() == null
                    || e.getKey().isBlank()
                    || e.getKey().length() > 64
                    || !scalar
                    || (v instanceof String s && s.length() > MAX_ATTRIBUTE_TEXT)) {
                issues.add(new FieldIssue("attributes", "problem.poi-attribute", String.valueOf(e.getKey())));
                return;
            }
        }
    }
}
