package org.cityos.alerting;

import java.util.List;

/**
 * Which devices a rule looks at; every non-empty list narrows (a device must match all of them), and a rule must
 * name at least device types or explicit devices. Divisions match by code prefix (a town covers its communities).
 */
public record RuleScope(
        List<String> deviceTypes,
        List<String> divisions,
        List<String> departments,
        List<String> tags,
        List<String> devices) {

    public RuleScope {
        deviceTypes = deviceTypes == null ? List.of() : List.copyOf(deviceTypes);
        divisions = divisions == null ? List.of() : List.copyOf(divisions);
        departments = departments == null ? List.of() : List.copyOf(departments);
        tags = tags == null ? List.of() : List.copyOf(tags);
        devices = devices == null ? List.of() : List.copyOf(devices);
    }

    public static RuleScope ofTypes(String... types) {
        return new RuleScope(List.of(types), List.of(), List.of(), List.of(), List.of());
    }

    public RuleScope inDivisions(String... codes) {
        return new RuleScope(deviceTypes, List.of(codes), departments, tags, devices);
    }
}
