package org.cityos.casework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cityos.casework.internal.TextRules;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Open311 fields a case does not check itself: a location, a plain media link, the app's ids, the answers to
 * the service's attributes, and the caller's name put together. Field names in issues are the spec's.
 */
final class RequestChecks {
    private static final Pattern MEDIA_URL = Pattern.compile("https?://[^\\s<>\"]{1,490}", Pattern.CASE_INSENSITIVE);
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The checked values, ready to store. */
    record Checked(
            GeoPoint point, String callerName, String mediaUrl, String accountId, String deviceId, String attributes) {}

    Checked check(ServiceRequestPost p, Open311Service service) {
        List<FieldIssue> issues = new ArrayList<>();
        GeoPoint point = point(p, issues);
        if (point == null && (p.addressString() == null || p.addressString().isBlank()) && issues.isEmpty()) {
            throw new Open311Problems.LocationRequired();
        }
        String mediaUrl = TextRules.clean(p.mediaUrl());
        if (mediaUrl != null && !MEDIA_URL.matcher(mediaUrl).matches()) {
            issues.add(new FieldIssue("media_url", "validation.pattern"));
        }
        TextRules.check(issues, "account_id", p.accountId(), false, 100);
        TextRules.check(issues, "device_id", p.deviceId(), false, 100);
        TextRules.check(issues, "first_name", p.firstName(), false, 25);
        TextRules.check(issues, "last_name", p.lastName(), false, 25);
        String answers = attributes(p.attributes(), service, issues);
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        return new Checked(
                point,
                name(TextRules.clean(p.firstName()), TextRules.clean(p.lastName())),
                mediaUrl,
                TextRules.clean(p.accountId()),
                TextRules.clean(p.deviceId()),
                answers);
    }

    private static GeoPoint point(ServiceRequestPost p, List<FieldIssue> issues) {
        if (p.lat() == null && p.lon() == null) {
            return null;
        }
        if (p.lat() == null || !Double.isFinite(p.lat()) || p.lat() < -90 || p.lat() > 90) {
            issues.add(new FieldIssue("lat", "problem.case-bad-point"));
        }
        if (p.lon() == null || !Double.isFinite(p.lon()) || p.lon() < -180 || p.lon() > 180) {
            issues.add(new FieldIssue("long", "problem.case-bad-point"));
        }
        return issues.isEmpty() ? GeoPoint.of(p.lon(), p.lat()) : null;
    }

    /** Chinese names are family name first and unspaced; others "first last". */
    static String name(String first, String last) {
        if (first == null || last == null) {
            return first != null ? first : last;
        }
        return HAN.matcher(first + last).find() ? last + first : first + " " + last;
    }

    /** The answers to the service's own questions, as JSON by attribute code; unknown codes are ignored. */
    private static String attributes(Map<String, List<String>> given, Open311Service service, List<FieldIssue> issues) {
        Map<String, Object> answers = new LinkedHashMap<>();
        Map<String, List<String>> in = given == null ? Map.of() : given;
        for (ServiceAttribute a : service.attributes()) {
            if (!a.variable()) {
                continue;
            }
            String field = "attribute[" + a.code() + "]";
            List<String> values = in.getOrDefault(a.code(), List.of()).stream()
                    .filter(v -> v != null && !v.isBlank())
                    .map(String::strip)
                    .toList();
            if (values.isEmpty()) {
                if (a.required()) {
                    issues.add(new FieldIssue(field, "validation.required"));
                }
                continue;
            }
            if (a.isList()) {
                List<String> keys =
                        a.values().stream().map(ServiceAttribute.Value::key).toList();
                if (!keys.containsAll(values) || ("singlevaluelist".equals(a.datatype()) && values.size() > 1)) {
                    issues.add(new FieldIssue(field, "validation.pattern"));
                    continue;
                }
                answers.put(a.code(), "multivaluelist".equals(a.datatype()) ? values : values.get(0));
            } else {
                TextRules.check(issues, field, values.get(0), false, 1000);
                answers.put(a.code(), values.get(0));
            }
        }
        return answers.isEmpty() ? null : JSON.writeValueAsString(answers);
    }
}
