package org.cityos.iot.internal.registry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityos.iot.DeviceDraft;
import org.cityos.iot.DeviceMaintainer;
import org.cityos.iot.DeviceState;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.spatial.Crs;

/** Reads one file row into a device draft, or says which fields are wrong; imports key rows by vendor + serial. */
public final class DeviceRowParser {
    private final Crs crs;

    public DeviceRowParser(Crs crs) {
        this.crs = crs;
    }

    /** A parsed row: either a draft or the issues that kept it from being one. */
    public record Parsed(DeviceDraft draft, List<FieldIssue> issues) {}

    public Parsed parse(Map<String, String> row) {
        List<FieldIssue> issues = new ArrayList<>();
        GeoPoint at = point(row, issues);
        DepartmentCode department = department("department", cell(row, "department"), issues);
        Set<DepartmentCode> shared = new LinkedHashSet<>();
        for (String s : list(cell(row, "shared_with"))) {
            DepartmentCode d = department("shared_with", s, issues);
            if (d != null) {
                shared.add(d);
            }
        }
        LocalDate installed = null;
        String date = cell(row, "installed_on");
        if (date != null) {
            try {
                installed = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                issues.add(new FieldIssue("installed_on", "problem.device-date", date));
            }
        }
        DeviceState state = null;
        String stateText = cell(row, "state");
        if (stateText != null) {
            state = DeviceState.parse(stateText).orElse(null);
            if (state == null) {
                issues.add(new FieldIssue("state", "problem.device-state", stateText));
            }
        }
        if (cell(row, "vendor") == null) {
            issues.add(new FieldIssue("vendor", "validation.required"));
        }
        if (cell(row, "serial") == null) {
            issues.add(new FieldIssue("serial", "validation.required"));
        }
        DeviceDraft draft = new DeviceDraft(
                cell(row, "type"),
                cell(row, "name"),
                cell(row, "vendor"),
                cell(row, "serial"),
                at,
                cell(row, "address"),
                department,
                new DeviceMaintainer(
                        cell(row, "maintainer_organisation"),
                        cell(row, "maintainer_contact"),
                        cell(row, "maintainer_phone")),
                installed,
                state == null ? DeviceState.ACTIVE : state,
                list(cell(row, "tags")),
                null,
                shared);
        for (FieldIssue i : DeviceRules.check(draft)) {
            // Drafts without a point or department already have their own issue from above.
            if (!(i.field().equals("location") && at == null)
                    && !(i.field().equals("department") && department == null && cell(row, "department") != null)) {
                issues.add(i);
            }
        }
        return new Parsed(issues.isEmpty() ? draft : null, issues);
    }

    private GeoPoint point(Map<String, String> row, List<FieldIssue> issues) {
        String lon = cell(row, "lon");
        String lat = cell(row, "lat");
        if (lon == null || lat == null) {
            issues.add(new FieldIssue(lon == null ? "lon" : "lat", "validation.required"));
            return null;
        }
        try {
            return crs.toWgs84(GeoPoint.of(Double.parseDouble(lon), Double.parseDouble(lat)));
        } catch (NumberFormatException e) {
            issues.add(new FieldIssue("lon", "problem.device-coordinates", lon, lat));
        } catch (DomainProblem e) {
            issues.add(
                    e.fieldIssues().isEmpty()
                            ? new FieldIssue("lon", "problem.device-coordinates", lon, lat)
                            : e.fieldIssues().get(0));
        }
        return null;
    }

    private static DepartmentCode department(String field, String code, List<FieldIssue> issues) {
        if (code == null) {
            return null;
        }
        try {
            return DepartmentCode.of(code);
        } catch (DomainProblem e) {
            issues.add(new FieldIssue(field, "problem.invalid-department-code", code));
            return null;
        }
    }

    static String cell(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static List<String> list(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split(DeviceColumns.LIST_SEPARATOR))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
