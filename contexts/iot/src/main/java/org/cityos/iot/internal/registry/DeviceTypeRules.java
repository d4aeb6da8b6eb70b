package org.cityos.iot.internal.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.cityos.iot.DeviceCommand;
import org.cityos.iot.DeviceDataType;
import org.cityos.iot.DeviceProperty;
import org.cityos.iot.DeviceType;
import org.cityos.iot.DeviceTypeDraft;
import org.cityos.iot.DeviceTypeDraft.CommandDraft;
import org.cityos.iot.DeviceTypeDraft.ParameterDraft;
import org.cityos.iot.DeviceTypeDraft.PropertyDraft;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;

/**
 * Checks a device-type draft and turns it into a {@link DeviceType}; every broken rule becomes one
 * field issue, so a caller fixes everything in one round.
 */
public final class DeviceTypeRules {
    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    static final Pattern DOMAIN = Pattern.compile("[a-z][a-z0-9-]{1,29}");
    /** A week: anything rarer is not monitoring. */
    static final int MAX_INTERVAL_SECONDS = 7 * 24 * 3600;

    private final Set<String> componentClasses;

    public DeviceTypeRules(Set<String> componentClasses) {
        this.componentClasses = Set.copyOf(componentClasses);
    }

    public DeviceType check(DeviceTypeDraft d, boolean builtin, int version) {
        List<FieldIssue> issues = new ArrayList<>();
        if (d.code() == null || !CODE.matcher(d.code()).matches()) {
            issues.add(new FieldIssue("code", "problem.device-type-code", String.valueOf(d.code())));
        }
        text(issues, "nameZh", d.nameZh(), 100);
        text(issues, "nameEn", d.nameEn(), 100);
        if (d.domain() == null || !DOMAIN.matcher(d.domain()).matches()) {
            issues.add(new FieldIssue("domain", "problem.device-type-domain", String.valueOf(d.domain())));
        }
        if (d.componentClass() != null && !componentClasses.contains(d.componentClass())) {
            issues.add(new FieldIssue("componentClass", "problem.unknown-component-class", d.componentClass()));
        }
        String model = blankToNull(d.smartDataModel());
        if (model != null && !SmartDataModels.known(model)) {
            issues.add(new FieldIssue("smartDataModel", "problem.unknown-smart-data-model", model));
        }
        List<DeviceProperty> properties = properties(d.properties(), model, issues);
        List<DeviceCommand> commands = commands(d.commands(), issues);
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        return new DeviceType(
                d.code(),
                d.nameZh().strip(),
                d.nameEn().strip(),
                d.domain(),
                d.componentClass(),
                model,
                Boolean.TRUE.equals(d.gateway()),
                properties,
                commands,
                builtin,
                version);
    }

    private static List<DeviceProperty> properties(List<PropertyDraft> drafts, String model, List<FieldIssue> issues) {
        List<DeviceProperty> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            PropertyDraft p = drafts.get(i);
            String at = "properties[" + i + "].";
            if (p == null) {
                issues.add(new FieldIssue("properties[" + i + "]", "validation.required"));
                continue;
            }
            name(issues, at, p.name(), seen);
            DeviceDataType type = dataType(issues, at, p.dataType());
            range(issues, at, type, p.min(), p.max(), p.values());
            Integer every = p.reportingIntervalSeconds();
            if (every == null || every <= 0 || every > MAX_INTERVAL_SECONDS) {
                issues.add(
                        new FieldIssue(at + "reportingIntervalSeconds", "validation.range", 1, MAX_INTERVAL_SECONDS));
            }
            String attribute = blankToNull(p.modelAttribute());
            if (attribute != null && model == null) {
                issues.add(new FieldIssue(at + "modelAttribute", "problem.model-attribute-without-model"));
            } else if (attribute != null
                    && SmartDataModels.known(model)
                    && !SmartDataModels.hasAttribute(model, attribute)) {
                issues.add(new FieldIssue(at + "modelAttribute", "problem.unknown-model-attribute", attribute, model));
            }
            if (p.unit() != null && p.unit().length() > 20) {
                issues.add(new FieldIssue(at + "unit", "validation.too-long", 20));
            }
            if (type != null && every != null) {
                out.add(new DeviceProperty(p.name(), p.unit(), type, p.min(), p.max(), p.values(), every, attribute));
            }
        }
        return out;
    }

    private static List<DeviceCommand> commands(List<CommandDraft> drafts, List<FieldIssue> issues) {
        List<DeviceCommand> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            CommandDraft c = drafts.get(i);
            String at = "commands[" + i + "].";
            if (c == null) {
                issues.add(new FieldIssue("commands[" + i + "]", "validation.required"));
                continue;
            }
            name(issues, at, c.name(), seen);
            List<DeviceCommand.Parameter> parameters = new ArrayList<>();
            Set<String> names = new HashSet<>();
            List<ParameterDraft> given = c.parameters() == null ? List.of() : c.parameters();
            for (int j = 0; j < given.size(); j++) {
                ParameterDraft p = given.get(j);
                String pat = at + "parameters[" + j + "].";
                if (p == null) {
                    issues.add(new FieldIssue(at + "parameters[" + j + "]", "validation.required"));
                    continue;
                }
                name(issues, pat, p.name(), names);
                DeviceDataType type = dataType(issues, pat, p.dataType());
                range(issues, pat, type, p.min(), p.max(), p.values());
                if (type != null) {
                    parameters.add(new DeviceCommand.Parameter(
                            p.name(), type, p.min(), p.max(), p.values(), !Boolean.FALSE.equals(p.required())));
                }
            }
            out.add(new DeviceCommand(c.name(), parameters));
        }
        return out;
    }

    private static void name(List<FieldIssue> issues, String at, String name, Set<String> seen) {
        if (name == null || !NAME.matcher(name).matches()) {
            issues.add(new FieldIssue(at + "name", "problem.device-property-name", String.valueOf(name)));
        } else if (!seen.add(name)) {
            issues.add(new FieldIssue(at + "name", "problem.duplicate-name", name));
        }
    }

    private static DeviceDataType dataType(List<FieldIssue> issues, String at, String given) {
        DeviceDataType type = DeviceDataType.parse(given).orElse(null);
        if (type == null) {
            issues.add(new FieldIssue(at + "dataType", "problem.unknown-data-type", String.valueOf(given)));
        }
        return type;
    }

    private static void range(
            List<FieldIssue> issues, String at, DeviceDataType type, Double min, Double max, List<String> values) {
        if (type == null) {
            return;
        }
        if ((min != null && !Double.isFinite(min)) || (max != null && !Double.isFinite(max))) {
            issues.add(new FieldIssue(at + "min", "problem.range-not-finite"));
        } else if (!type.numeric() && (min != null || max != null)) {
            issues.add(new FieldIssue(at + "min", "problem.range-needs-number", type.name()));
        } else if (min != null && max != null && min > max) {
            issues.add(new FieldIssue(at + "min", "problem.min-above-max", min, max));
        }
        boolean hasValues = values != null && !values.isEmpty();
        if (type == DeviceDataType.ENUM && !hasValues) {
            issues.add(new FieldIssue(at + "values", "problem.enum-needs-values"));
        } else if (type != DeviceDataType.ENUM && hasValues) {
            issues.add(new FieldIssue(at + "values", "problem.values-need-enum"));
        } else if (hasValues
                && (values.stream().anyMatch(v -> v == null || v.isBlank())
                        || new HashSet<>(values).size() != values.size())) {
            issues.add(new FieldIssue(at + "values", "problem.enum-values-blank-or-repeated"));
        }
    }

    private static void text(List<FieldIssue> issues, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            issues.add(new FieldIssue(field, "validation.required"));
        } else if (value.strip().length() > max) {
            issues.add(new FieldIssue(field, "validation.too-long", max));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
