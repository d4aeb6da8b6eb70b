package org.cityos.spatial.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.spatial.DivisionKind;

/** The shape rules of a division: code, kind and name must agree with each other and with the tree. */
public final class DivisionRules {
    public static final int MAX_NAME = 100;

    private DivisionRules() {}

    public static List<FieldIssue> check(String code, String kind, String name) {
        List<FieldIssue> issues = new ArrayList<>();
        Optional<DivisionCode> parsed = code(code);
        Optional<DivisionKind> parsedKind = kind(kind);
        if (parsed.isEmpty()) {
            issues.add(new FieldIssue("code", "problem.invalid-division-code", String.valueOf(code)));
        }
        if (parsedKind.isEmpty()) {
            issues.add(new FieldIssue("kind", "problem.unknown-division-kind", String.valueOf(kind)));
        }
        if (parsed.isPresent()
                && parsedKind.isPresent()
                && parsedKind.get().level() != parsed.get().level()) {
            issues.add(new FieldIssue(
                    "kind",
                    "problem.kind-level-mismatch",
                    parsedKind.get().name(),
                    parsed.get().level().name()));
        }
        issues.addAll(checkName(name));
        return issues;
    }

    public static List<FieldIssue> checkName(String name) {
        if (name == null || name.isBlank()) {
            return List.of(new FieldIssue("name", "validation.required"));
        }
        if (name.strip().length() > MAX_NAME) {
            return List.of(new FieldIssue("name", "validation.too-long", MAX_NAME));
        }
        if (name.chars().anyMatch(c -> Character.isISOControl(c) || c == '<' || c == '>')) {
            return List.of(new FieldIssue("name", "problem.name-characters"));
        }
        return List.of();
    }

    public static Optional<DivisionCode> code(String code) {
        return code != null && DivisionCode.isValid(code.strip())
                ? Optional.of(DivisionCode.of(code.strip()))
                : Optional.empty();
    }

    /** Accepts the enum name in any case or the kind's Chinese label. */
    public static Optional<DivisionKind> kind(String kind) {
        if (kind == null) {
            return Optional.empty();
        }
        String k = kind.strip();
        for (DivisionKind candidate : DivisionKind.values()) {
            if (candidate.name().equals(k.toUpperCase(Locale.ROOT))
                    || candidate.label().equals(k)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The kind the NBS code range and name imply for a township-level row of the reference list. */
    public static DivisionKind townshipKind(String nbsKind, String name) {
        // "township_like_unit" and "township" also start with "town": most specific first.
        if (nbsKind.startsWith("township_like")) {
            return DivisionKind.SPECIAL_ZONE;
        }
        if (nbsKind.startsWith("township")) {
            return DivisionKind.TOWNSHIP;
        }
        if (nbsKind.startsWith("town")) {
            return DivisionKind.TOWN;
        }
        return name.endsWith("地区") ? DivisionKind.AREA_OFFICE : DivisionKind.SUBDISTRICT;
    }
}
