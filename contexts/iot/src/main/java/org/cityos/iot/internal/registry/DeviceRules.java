package org.cityos.iot.internal.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.cityos.iot.DeviceDraft;
import org.cityos.kernel.problem.FieldIssue;

/** The field rules of a device draft that need nothing but the draft itself. */
public final class DeviceRules {
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.:-]{0,39}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{5,19}");
    private static final Pattern SERIAL = Pattern.compile("[\\p{Graph}]{1,64}");
    public static final int MAX_TAGS = 20;

    private DeviceRules() {}

    public static List<FieldIssue> check(DeviceDraft d) {
        List<FieldIssue> issues = new ArrayList<>();
        if (d.typeCode() == null || d.typeCode().isBlank()) {
            issues.add(new FieldIssue("type", "validation.required"));
        }
        text(issues, "name", d.name(), 200, true);
        text(issues, "vendor", d.vendor(), 100, false);
        if (d.serial() != null && !SERIAL.matcher(d.serial()).matches()) {
            issues.add(new FieldIssue("serial", "problem.device-serial"));
        }
        if (d.serial() != null && (d.vendor() == null || d.vendor().isBlank())) {
            issues.add(new FieldIssue("vendor", "problem.serial-needs-vendor"));
        }
        if (d.location() == null) {
            issues.add(new FieldIssue("location", "validation.required"));
        }
        text(issues, "address", d.address(), 300, false);
        if (d.department() == null) {
            issues.add(new FieldIssue("department", "validation.required"));
        }
        text(issues, "maintainer.organisation", d.maintainer().organisation(), 200, false);
        text(issues, "maintainer.contact", d.maintainer().contact(), 50, false);
        if (d.maintainer().phone() != null
                && !PHONE.matcher(d.maintainer().phone()).matches()) {
            issues.add(new FieldIssue("maintainer.phone", "problem.device-phone"));
        }
        if (d.tags().size() > MAX_TAGS) {
            issues.add(new FieldIssue("tags", "validation.range", 0, MAX_TAGS));
        }
        for (int i = 0; i < d.tags().size(); i++) {
            String tag = d.tags().get(i);
            if (tag == null || !TAG.matcher(tag).matches()) {
                issues.add(new FieldIssue("tags[" + i + "]", "problem.device-tag", String.valueOf(tag)));
            }
        }
        if (d.state() != null && !d.state().initial()) {
            issues.add(new FieldIssue(
                    "state", "problem.device-initial-state", d.state().name()));
        }
        if (d.department() != null && d.sharedWith().contains(d.department())) {
            issues.add(new FieldIssue(
                    "sharedWith",
                    "problem.device-shared-with-owner",
                    d.department().value()));
        }
        return issues;
    }

    private static void text(List<FieldIssue> issues, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                issues.add(new FieldIssue(field, "validation.required"));
            }
        } else if (value.length() > max) {
            issues.add(new FieldIssue(field, "validation.too-long", max));
        }
    }
}
