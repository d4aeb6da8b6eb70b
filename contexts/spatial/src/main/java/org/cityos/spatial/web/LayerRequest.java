package org.cityos.spatial.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.LayerAccess;
import org.cityos.spatial.LayerDefinition;
import org.cityos.spatial.LayerGeometryType;
import org.cityos.spatial.LayerId;
import org.cityos.spatial.LayerUpdateFrequency;

/** Body of a layer registration or change; enums by name in any case; version is needed to change. */
public record LayerRequest(
        String id,
        String titleZh,
        String titleEn,
        String description,
        String owner,
        String geometryType,
        Map<String, Object> style,
        String updateFrequency,
        String access,
        List<String> readers,
        Boolean synthetic,
        Integer version) {

    /** The definition, with every malformed field reported at once. */
    LayerDefinition toDefinition(String pathId) {
        List<FieldIssue> issues = new ArrayList<>();
        String rawId = pathId != null ? pathId : id;
        LayerId layerId = null;
        if (rawId == null || rawId.isBlank()) {
            issues.add(new FieldIssue("id", "validation.required"));
        } else {
            try {
                layerId = LayerId.of(rawId.strip());
            } catch (DomainProblem e) {
                issues.add(new FieldIssue("id", "problem.layer.invalid-id", rawId));
            }
        }
        DepartmentCode ownerCode = department("owner", owner, issues);
        Set<DepartmentCode> readerCodes = new LinkedHashSet<>();
        if (readers != null) {
            for (String r : readers) {
                DepartmentCode code = department("readers", r, issues);
                if (code != null) {
                    readerCodes.add(code);
                }
            }
        }
        LayerGeometryType type = option("geometryType", geometryType, LayerGeometryType.class, issues);
        LayerUpdateFrequency frequency = option("updateFrequency", updateFrequency, LayerUpdateFrequency.class, issues);
        LayerAccess level = option("access", access, LayerAccess.class, issues);
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        return new LayerDefinition(
                layerId,
                titleZh,
                titleEn,
                description,
                ownerCode,
                type,
                style,
                frequency,
                level,
                readerCodes,
                synthetic != null && synthetic);
    }

    private static DepartmentCode department(String field, String value, List<FieldIssue> issues) {
        if (value == null || value.isBlank()) {
            issues.add(new FieldIssue(field, "validation.required"));
            return null;
        }
        try {
            return DepartmentCode.of(value.strip());
        } catch (DomainProblem e) {
            issues.add(new FieldIssue(field, "problem.invalid-department-code", value));
            return null;
        }
    }

    private static <E extends Enum<E>> E option(String field, String value, Class<E> type, List<FieldIssue> issues) {
        if (value == null || value.isBlank()) {
            issues.add(new FieldIssue(field, "validation.required"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            issues.add(new FieldIssue(field, "problem.layer.unknown-option", value, List.of(type.getEnumConstants())));
            return null;
        }
    }
}
