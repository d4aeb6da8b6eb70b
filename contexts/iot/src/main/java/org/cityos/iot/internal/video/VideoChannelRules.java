package org.cityos.iot.internal.video;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cityos.iot.VideoChannelDraft;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.problem.FieldIssue;

/** The field rules of a channel draft that need no database: lengths, characters, address, tags. */
public final class VideoChannelRules {
    public static final int MAX_NAME = 100;
    public static final int MAX_ADDRESS = 200;
    public static final int MAX_TAGS = 10;
    public static final int MAX_TAG = 20;

    private VideoChannelRules() {}

    public static List<FieldIssue> check(VideoChannelDraft d) {
        List<FieldIssue> issues = new ArrayList<>();
        if (d.gbId() == null || d.gbId().isBlank()) {
            issues.add(new FieldIssue("gbId", "validation.required"));
        }
        text(issues, "name", d.name(), MAX_NAME, true);
        text(issues, "address", d.address(), MAX_ADDRESS, false);
        if (d.department() == null || d.department().isBlank()) {
            issues.add(new FieldIssue("department", "validation.required"));
        } else if (!isDepartmentCode(d.department().strip())) {
            issues.add(new FieldIssue("department", "problem.invalid-department-code", d.department()));
        }
        if (d.location() == null) {
            issues.add(new FieldIssue("location", "validation.required"));
        }
        StreamAddress.problem(d.streamUrl() == null ? null : d.streamUrl().strip())
                .ifPresent(key -> issues.add(new FieldIssue("streamUrl", key, StreamAddress.MAX_LENGTH)));
        if (d.tags().size() > MAX_TAGS) {
            issues.add(new FieldIssue("tags", "video.tags-count", MAX_TAGS));
        }
        Set<String> seen = new HashSet<>();
        for (String tag : d.tags()) {
            String t = tag == null ? "" : tag.strip();
            if (t.isEmpty() || t.length() > MAX_TAG || !plain(t) || t.contains(";")) {
                issues.add(new FieldIssue("tags", "video.tag", MAX_TAG));
                break;
            }
            if (!seen.add(t)) {
                issues.add(new FieldIssue("tags", "video.tag-repeated", t));
                break;
            }
        }
        return issues;
    }

    /** Blank optional texts are stored as null. */
    public static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public static List<String> cleanTags(List<String> tags) {
        return tags.stream().map(String::strip).toList();
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
        } else if (!plain(value)) {
            issues.add(new FieldIssue(field, "video.text-characters"));
        }
    }

    /** No control characters or angle brackets: names end up in HTML and in spreadsheets. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '<' || c == '>') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDepartmentCode(String code) {
        try {
            DepartmentCode.of(code);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
