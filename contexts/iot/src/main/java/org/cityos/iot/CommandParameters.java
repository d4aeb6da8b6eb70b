package org.cityos.iot;

import java.util.List;
import org.cityos.kernel.problem.FieldIssue;
import tools.jackson.databind.JsonNode;

/** Checks a command's parameters against its declaration: required ones present, types and ranges kept. */
final class CommandParameters {
    private CommandParameters() {}

    static void check(DeviceCommand command, JsonNode params, List<FieldIssue> issues) {
        for (DeviceCommand.Parameter p : command.parameters()) {
            JsonNode v = params.get(p.name());
            String field = "params." + p.name();
            if (v == null || v.isNull()) {
                if (p.required()) {
                    issues.add(new FieldIssue(field, "validation.required"));
                }
                continue;
            }
            switch (p.dataType()) {
                case NUMBER, INTEGER -> {
                    if (!v.isNumber() || (p.dataType() == DeviceDataType.INTEGER && !v.canConvertToExactIntegral())) {
                        issues.add(new FieldIssue(
                                field, "validation.type", p.dataType().name()));
                    } else if ((p.min() != null && v.doubleValue() < p.min())
                            || (p.max() != null && v.doubleValue() > p.max())) {
                        issues.add(new FieldIssue(field, "validation.range", p.min(), p.max()));
                    }
                }
                case BOOLEAN -> {
                    if (!v.isBoolean()) {
                        issues.add(new FieldIssue(field, "validation.type", "BOOLEAN"));
                    }
                }
                case STRING -> {
                    if (!v.isString()) {
                        issues.add(new FieldIssue(field, "validation.type", "STRING"));
                    }
                }
                case ENUM -> {
                    if (!v.isString() || !p.values().contains(v.asString())) {
                        issues.add(new FieldIssue(field, "validation.one-of", String.join(", ", p.values())));
                    }
                }
            }
        }
        params.propertyNames().forEach(name -> {
            if (command.parameters().stream().noneMatch(p -> p.name().equals(name))) {
                issues.add(new FieldIssue("params." + name, "command.unknown-parameter", name));
            }
        });
    }
}
