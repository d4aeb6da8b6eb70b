package org.cityos.catalog.theme;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.cityos.catalog.theme.TableSpec.ColumnSpec;
import org.cityos.catalog.theme.TableSpec.FilterSpec;
import org.cityos.catalog.theme.Theme.ThemeStatus;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;

/**
 * Checks a theme draft before anything is stored or built, naming every wrong field by its position
 * ({@code tables[1].columns[2].aggregate}): a table that cannot be built is refused at save, not at 3 a.m.
 */
final class SpecValidation {
    static final Pattern THEME_CODE = Pattern.compile("[a-z][a-z0-9]{1,19}");
    static final Pattern TABLE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,29}");
    static final Pattern OUTPUT_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    static final Set<String> AGGREGATES = Set.of("count", "count_distinct", "sum", "avg", "min", "max");
    static final Set<String> BUCKETS = Set.of("hour", "day", "month");
    static final Set<String> OPERATORS =
            Set.of("eq", "ne", "lt", "le", "gt", "ge", "in", "is_null", "not_null", "within");
    static final Duration MIN_INTERVAL = Duration.ofMinutes(5);
    static final Duration MAX_INTERVAL = Duration.ofDays(31);
    static final int MAX_TABLES = 20;
    static final int MAX_COLUMNS = 50;
    static final int MAX_FILTERS = 20;
    static final int MAX_IN = 100;

    private SpecValidation() {}

    /** A draft that passed, its words normalised (lower-case operators, aggregates and buckets). */
    record Valid(
            String code,
            String nameZh,
            String nameEn,
            String description,
            String ownerDepartment,
            Duration interval,
            ThemeStatus status,
            List<TableSpec> tables) {}

    static Valid check(ThemeDraft d, Function<String, Optional<ThemeSource>> sources) {
        List<FieldIssue> issues = new ArrayList<>();
        if (d.code() == null || !THEME_CODE.matcher(d.code()).matches()) {
            issues.add(new FieldIssue("code", "theme.validation.code"));
        }
        text(d.nameZh(), "nameZh", 100, true, issues);
        text(d.nameEn(), "nameEn", 200, true, issues);
        text(d.description(), "description", 2000, false, issues);
        text(d.ownerDepartment(), "ownerDepartment", 64, true, issues);
        Duration interval = interval(d.refreshInterval(), issues);
        ThemeStatus status = status(d.status(), issues);
        if (d.tables().isEmpty() || d.tables().size() > MAX_TABLES) {
            issues.add(new FieldIssue("tables", "theme.validation.count", 1, MAX_TABLES));
        }
        Set<String> names = new HashSet<>();
        List<TableSpec> tables = new ArrayList<>();
        for (int i = 0; i < d.tables().size(); i++) {
            TableSpec t = d.tables().get(i);
            String at = "tables[" + i + "]";
            if (t == null) {
                issues.add(new FieldIssue(at, "theme.validation.required"));
                continue;
            }
            if (t.name() == null || !TABLE_NAME.matcher(t.name()).matches()) {
                issues.add(new FieldIssue(at + ".name", "theme.validation.table-name"));
            } else if (!names.add(t.name())) {
                issues.add(new FieldIssue(at + ".name", "theme.validation.duplicate", t.name()));
            }
            text(t.title(), at + ".title", 200, false, issues);
            tables.add(table(t, at, sources, issues));
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        return new Valid(
                d.code(),
                d.nameZh().strip(),
                d.nameEn().strip(),
                d.description() == null ? "" : d.description().strip(),
                d.ownerDepartment().strip(),
                interval,
                status,
                tables);
    }

    private static TableSpec table(
            TableSpec t, String at, Function<String, Optional<ThemeSource>> sources, List<FieldIssue> issues) {
        Optional<ThemeSource> source = t.source() == null ? Optional.empty() : sources.apply(t.source());
        if (source.isEmpty()) {
            issues.add(new FieldIssue(at + ".source", "theme.validation.unknown-source", String.valueOf(t.source())));
        }
        Map<String, ColumnType> known = source.map(ThemeSource::columns).orElse(Map.of());
        if (t.columns().isEmpty() || t.columns().size() > MAX_COLUMNS) {
            issues.add(new FieldIssue(at + ".columns", "theme.validation.count", 1, MAX_COLUMNS));
        }
        boolean grouped = t.columns().stream().anyMatch(c -> c != null && c.aggregate() != null);
        Map<String, ColumnSpec> outputs = new HashMap<>();
        List<ColumnSpec> columns = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            ColumnSpec c = column(t.columns().get(i), at + ".columns[" + i + "]", known, source.isPresent(), issues);
            columns.add(c);
            if (c.as() != null && outputs.putIfAbsent(c.as(), c) != null) {
                issues.add(new FieldIssue(at + ".columns[" + i + "].as", "theme.validation.duplicate", c.as()));
            }
        }
        if (t.filters().size() > MAX_FILTERS) {
            issues.add(new FieldIssue(at + ".filters", "theme.validation.count", 0, MAX_FILTERS));
        }
        List<FilterSpec> filters = new ArrayList<>();
        for (int i = 0; i < t.filters().size(); i++) {
            filters.add(filter(t.filters().get(i), at + ".filters[" + i + "]", known, source.isPresent(), issues));
        }
        if (t.scopeColumn() != null) {
            ColumnSpec scope = outputs.get(t.scopeColumn());
            if (scope == null
                    || scope.aggregated()
                    || scope.bucket() != null
                    || scope.column() == null
                    || known.get(scope.column()) != ColumnType.TEXT) {
                issues.add(new FieldIssue(at + ".scopeColumn", "theme.validation.scope-column", t.scopeColumn()));
            }
        }
        key(t.key(), at, outputs, grouped, issues);
        return new TableSpec(t.name(), t.title(), t.source(), columns, filters, t.scopeColumn(), t.key());
    }

    private static ColumnSpec column(
            ColumnSpec c, String at, Map<String, ColumnType> known, boolean sourceKnown, List<FieldIssue> issues) {
        if (c == null) {
            issues.add(new FieldIssue(at, "theme.validation.required"));
            return new ColumnSpec(null, null, null, null, null);
        }
        if (c.as() == null || !OUTPUT_NAME.matcher(c.as()).matches()) {
            issues.add(new FieldIssue(at + ".as", "theme.validation.output-name"));
        }
        String aggregate = lower(c.aggregate());
        String bucket = lower(c.bucket());
        if (aggregate != null && !AGGREGATES.contains(aggregate)) {
            issues.add(new FieldIssue(at + ".aggregate", "theme.validation.one-of", String.join(", ", AGGREGATES)));
        }
        ColumnType type = null;
        if (c.column() == null) {
            if (!"count".equals(aggregate)) {
                issues.add(new FieldIssue(at + ".column", "theme.validation.required"));
            }
        } else if (sourceKnown) {
            type = known.get(c.column());
            if (type == null) {
                issues.add(new FieldIssue(at + ".column", "theme.validation.unknown-column", c.column()));
            }
        }
        if (type != null && aggregate != null) {
            boolean fits = switch (aggregate) {
                case "sum" -> type == ColumnType.NUMBER || type == ColumnType.BOOLEAN;
                case "avg" -> type == ColumnType.NUMBER;
                case "min", "max" -> type.ordered();
                default -> true;
            };
            if (!fits) {
                issues.add(new FieldIssue(at + ".aggregate", "theme.validation.aggregate-type", aggregate, type));
            }
        }
        if (bucket != null) {
            if (!BUCKETS.contains(bucket)) {
                issues.add(new FieldIssue(at + ".bucket", "theme.validation.one-of", String.join(", ", BUCKETS)));
            } else if (aggregate != null) {
                issues.add(new FieldIssue(at + ".bucket", "theme.validation.bucket-aggregate"));
            } else if (type != null && !type.temporal()) {
                issues.add(new FieldIssue(at + ".bucket", "theme.validation.bucket-type", c.column()));
            }
        }
        if (c.ifNull() != null) {
            if (aggregate != null || bucket != null || (type != null && type != ColumnType.TEXT)) {
                issues.add(new FieldIssue(at + ".ifNull", "theme.validation.if-null"));
            } else if (Literals.render(ColumnType.TEXT, c.ifNull()).isEmpty()) {
                issues.add(new FieldIssue(at + ".ifNull", "theme.validation.value", ColumnType.TEXT));
            }
        }
        return new ColumnSpec(c.column(), c.as(), aggregate, bucket, c.ifNull());
    }

    private static FilterSpec filter(
            FilterSpec f, String at, Map<String, ColumnType> known, boolean sourceKnown, List<FieldIssue> issues) {
        if (f == null) {
            issues.add(new FieldIssue(at, "theme.validation.required"));
            return new FilterSpec(null, null, null, null);
        }
        String op = lower(f.op());
        if (op == null || !OPERATORS.contains(op)) {
            issues.add(new FieldIssue(at + ".op", "theme.validation.one-of", String.join(", ", OPERATORS)));
            op = null;
        }
        ColumnType type = f.column() == null ? null : known.get(f.column());
        if (f.column() == null) {
            issues.add(new FieldIssue(at + ".column", "theme.validation.required"));
        } else if (sourceKnown && type == null) {
            issues.add(new FieldIssue(at + ".column", "theme.validation.unknown-column", f.column()));
        }
        if (op != null && type != null) {
            switch (op) {
                case "is_null", "not_null" -> {}
                case "within" -> {
                    if (!type.temporal()) {
                        issues.add(new FieldIssue(at + ".op", "theme.validation.within-type", f.column()));
                    } else if (f.value() == null || Literals.interval(f.value()).isEmpty()) {
                        issues.add(new FieldIssue(at + ".value", "theme.validation.duration"));
                    }
                }
                case "in" -> {
                    if (f.values().isEmpty() || f.values().size() > MAX_IN) {
                        issues.add(new FieldIssue(at + ".values", "theme.validation.count", 1, MAX_IN));
                    }
                    for (int i = 0; i < f.values().size(); i++) {
                        if (Literals.render(type, f.values().get(i)).isEmpty()) {
                            issues.add(new FieldIssue(at + ".values[" + i + "]", "theme.validation.value", type));
                        }
                    }
                }
                default -> {
                    if (!op.equals("eq") && !op.equals("ne") && !type.ordered()) {
                        issues.add(new FieldIssue(at + ".op", "theme.validation.op-type", op, type));
                    } else if (Literals.render(type, f.value()).isEmpty()) {
                        issues.add(new FieldIssue(at + ".value", "theme.validation.value", type));
                    }
                }
            }
        }
        return new FilterSpec(f.column(), op, f.value(), f.values());
    }

    private static void key(
            List<String> key, String at, Map<String, ColumnSpec> outputs, boolean grouped, List<FieldIssue> issues) {
        if (key.isEmpty() || key.size() > 10) {
            issues.add(new FieldIssue(at + ".key", "theme.validation.count", 1, 10));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < key.size(); i++) {
            ColumnSpec c = outputs.get(key.get(i));
            if (c == null) {
                issues.add(new FieldIssue(at + ".key[" + i + "]", "theme.validation.unknown-output", key.get(i)));
            } else if (c.aggregated()) {
                issues.add(new FieldIssue(at + ".key[" + i + "]", "theme.validation.key-aggregate", key.get(i)));
            } else if (!seen.add(key.get(i))) {
                issues.add(new FieldIssue(at + ".key[" + i + "]", "theme.validation.duplicate", key.get(i)));
            }
        }
        if (grouped) {
            // Grouped rows are unique on all grouping columns together, and on nothing less in general.
            outputs.values().stream()
                    .filter(c -> !c.aggregated() && c.as() != null && !key.contains(c.as()))
                    .map(ColumnSpec::as)
                    .sorted()
                    .findFirst()
                    .ifPresent(
                            missing -> issues.add(new FieldIssue(at + ".key", "theme.validation.key-group", missing)));
        }
    }

    private static Duration interval(String value, List<FieldIssue> issues) {
        if (value == null) {
            issues.add(new FieldIssue("refreshInterval", "theme.validation.required"));
            return null;
        }
        try {
            Duration d = Duration.parse(value.strip());
            if (d.compareTo(MIN_INTERVAL) < 0 || d.compareTo(MAX_INTERVAL) > 0) {
                issues.add(new FieldIssue("refreshInterval", "theme.validation.interval"));
            }
            return d;
        } catch (DateTimeParseException e) {
            issues.add(new FieldIssue("refreshInterval", "theme.validation.interval"));
            return null;
        }
    }

    private static ThemeStatus status(String value, List<FieldIssue> issues) {
        if (value == null) {
            return ThemeStatus.ACTIVE;
        }
        try {
            return ThemeStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            issues.add(new FieldIssue("status", "theme.validation.one-of", "ACTIVE, PAUSED"));
            return null;
        }
    }

    private static void text(String value, String field, int max, boolean required, List<FieldIssue> issues) {
        if (value == null || value.isBlank()) {
            if (required) {
                issues.add(new FieldIssue(field, "theme.validation.required"));
            }
        } else if (value.length() > max) {
            issues.add(new FieldIssue(field, "theme.validation.too-long", max));
        }
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
