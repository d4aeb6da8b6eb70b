package org.cityos.iot.internal.normalise;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cityos.iot.DeviceProperty;
import org.cityos.iot.DeviceType;
import org.cityos.iot.PayloadMapping;
import org.cityos.iot.PayloadMapping.Rule;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;

/** Checks a parsed {@link PayloadMapping} against the device type it is meant for. */
public final class MappingRules {
    private MappingRules() {}

    public static void check(PayloadMapping mapping, DeviceType type) {
        List<FieldIssue> issues = new ArrayList<>();
        for (int i = 0; i < mapping.properties().size(); i++) {
            Rule r = mapping.properties().get(i);
            String at = "properties[" + i + "].";
            Optional<DeviceProperty> p = r.property() == null ? Optional.empty() : type.property(r.property());
            if (p.isEmpty()) {
                issues.add(new FieldIssue(
                        at + "property", "payload.unknown-property", String.valueOf(r.property()), type.code()));
                continue;
            }
            boolean numeric = p.get().dataType().numeric();
            if (!numeric && (r.unit() != null || r.scale() != 1 || r.offset() != 0)) {
                issues.add(new FieldIssue(
                        at + "scale", "payload.scale-needs-number", p.get().name()));
            }
            if (r.unit() != null && numeric) {
                unit(issues, at + "unit", r.unit(), p.get());
            }
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
    }

    /** Null when the rule's unit converts to the property's unit, else the message key of what is wrong. */
    static String unitProblem(String unit, DeviceProperty property) {
        if (unit.equals(property.unit())) {
            return null;
        }
        Optional<Unit> from = Units.find(unit);
        if (from.isEmpty()) {
            return "payload.unknown-unit";
        }
        Optional<Unit> to = Units.find(property.unit());
        if (to.isEmpty() || !from.get().convertibleTo(to.get())) {
            return "payload.unconvertible-unit";
        }
        return null;
    }

    private static void unit(List<FieldIssue> issues, String field, String unit, DeviceProperty property) {
        String problem = unitProblem(unit, property);
        if (problem != null) {
            issues.add(new FieldIssue(field, problem, unit, property.unit(), property.name()));
        }
    }
}
