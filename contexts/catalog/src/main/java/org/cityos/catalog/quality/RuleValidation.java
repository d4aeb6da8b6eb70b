package org.cityos.catalog.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;

/**
 * Checks a rule draft before it is stored, naming every wrong field: a rule that cannot run is refused at save,
 * not discovered at the next night's run.
 */
final class RuleValidation {
    static final int MAX_PATTERN = 200;
    static final int MAX_CODES = 500;

    private RuleValidation() {}

    /**
     * @param known the fields of the resource's data (its source's columns, or its data items when imported)
     * @param importedSource whether the resource's rows are imported (timeliness may then use the import time)
     * @param columnsOf the columns of a named source, empty when it is not available
     */
    static QualityRule check(
            String entryCode,
            RuleDraft d,
            Set<String> known,
            boolean importedSource,
            Function<String, Optional<Set<String>>> columnsOf) {
        List<FieldIssue> issues = new ArrayList<>();
        RuleKind kind = kind(d.kind(), issues);
        List<String> fields = d.fields() == null ? List.of() : d.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (!known.contains(fields.get(i))) {
                issues.add(new FieldIssue("fields[" + i + "]", "quality.validation.unknown-field", fields.get(i)));
            }
        }
        if (kind != null) {
            int wanted = fields.size();
            boolean countOk = switch (kind) {
                case UNIQUENESS -> wanted >= 1 && wanted <= 5;
                case TIMELINESS -> wanted == 1 || (wanted == 0 && importedSource);
                default -> wanted == 1;
            };
            if (!countOk) {
                issues.add(new FieldIssue("fields", "quality.validation.field-count", kind.name()));
            }
            switch (kind) {
                case PATTERN -> pattern(d.pattern(), issues);
                case RANGE -> range(d.min(), d.max(), issues);
                case CODE_LIST -> codes(d.codes(), issues);
                case CONSISTENCY -> other(d.otherSource(), d.otherField(), columnsOf, issues);
                default -> {}
            }
        }
        double threshold = share(d.threshold(), "threshold", 0.95, issues);
        double weight = d.weight() == null ? 1.0 : d.weight();
        if (d.weight() != null && !(d.weight() > 0 && d.weight() <= 100)) {
            issues.add(new FieldIssue("weight", "quality.validation.weight"));
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        return new QualityRule(
                0,
                entryCode,
                kind,
                fields,
                kind == RuleKind.PATTERN ? d.pattern() : null,
                kind == RuleKind.RANGE ? d.min() : null,
                kind == RuleKind.RANGE ? d.max() : null,
                kind == RuleKind.CODE_LIST ? d.codes() : List.of(),
                kind == RuleKind.CONSISTENCY ? d.otherSource() : null,
                kind == RuleKind.CONSISTENCY ? d.otherField() : null,
                threshold,
                weight);
    }

    /** A share from 0 to 1, {@code fallback} when absent. */
    static double share(Double value, String field, double fallback, List<FieldIssue> issues) {
        if (value == null) {
            return fallback;
        }
        if (!(value >= 0 && value <= 1)) {
            issues.add(new FieldIssue(field, "quality.validation.share"));
            return fallback;
        }
        return value;
    }

    private static RuleKind kind(String kind, List<FieldIssue> issues) {
        if (kind == null || kind.isBlank()) {
            issues.add(new FieldIssue("kind", "quality.validation.required"));
            return null;
        }
        try {
            return RuleKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            issues.add(new FieldIssue("kind", "quality.validation.one-of", Arrays.toString(RuleKind.values())));
            return null;
        }
    }

    private static void pattern(String pattern, List<FieldIssue> issues) {
        if (pattern == null || pattern.isEmpty()) {
            issues.add(new FieldIssue("pattern", "quality.validation.required"));
        } else if (pattern.length() > MAX_PATTERN) {
            issues.add(new FieldIssue("pattern", "quality.validation.too-long", MAX_PATTERN));
        } else {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                issues.add(new FieldIssue("pattern", "quality.validation.pattern", e.getDescription()));
            }
        }
    }

    private static void range(Double min, Double max, List<FieldIssue> issues) {
        if (min == null && max == null) {
            issues.add(new FieldIssue("min", "quality.validation.range-required"));
        } else if (min != null && max != null && min > max) {
            issues.add(new FieldIssue("max", "quality.validation.range-order"));
        }
    }

    private static void codes(List<String> codes, List<FieldIssue> issues) {
        if (codes == null || codes.isEmpty()) {
            issues.add(new FieldIssue("codes", "quality.validation.required"));
        } else if (codes.size() > MAX_CODES) {
            issues.add(new FieldIssue("codes", "quality.validation.too-many", MAX_CODES));
        }
    }

    private static void other(
            String source, String field, Function<String, Optional<Set<String>>> columnsOf, List<FieldIssue> issues) {
        Optional<QualitySource> named = source == null ? Optional.empty() : QualitySource.named(source);
        if (named.isEmpty() || named.get() == QualitySource.IMPORTED) {
            issues.add(new FieldIssue("otherSource", "quality.validation.unknown-source", String.valueOf(source)));
            return;
        }
        Optional<Set<String>> columns = columnsOf.apply(source);
        if (columns.isEmpty()) {
            issues.add(new FieldIssue("otherSource", "quality.validation.source-unavailable", source));
        } else if (field == null || !columns.get().contains(field)) {
            issues.add(new FieldIssue("otherField", "quality.validation.unknown-field", String.valueOf(field)));
        }
    }
}
