package org.cityos.catalog.theme;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.cityos.catalog.theme.TableSpec.ColumnSpec;
import org.cityos.catalog.theme.TableSpec.FilterSpec;

/**
 * Turns a validated table spec into the SQL of its materialised view and indexes. Identifiers are spliced only
 * when they are plain names that really are the source's columns (or the spec's validated output names), always
 * double-quoted; values become literals by {@link Literals}. Time buckets are cut in the platform's zone, not the
 * session's, so every node builds the same rows.
 */
final class ViewCompiler {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final String NUMBER = "^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$";

    private final ZoneId zone;

    ViewCompiler(ZoneId zone) {
        this.zone = zone;
    }

    /** The SQL that builds one theme table, run in the transaction that saves its definition. */
    record Compiled(String view, String select, List<String> statements) {}

    static String viewName(String theme, String table) {
        return "theme_" + theme + "_" + table;
    }

    Compiled compile(String theme, TableSpec spec, ThemeSource source) {
        String view = viewName(theme, spec.name());
        StringBuilder sql = new StringBuilder("SELECT ");
        List<String> groups = new ArrayList<>();
        List<String> notNull = new ArrayList<>();
        for (int i = 0; i < spec.columns().size(); i++) {
            ColumnSpec c = spec.columns().get(i);
            sql.append(i == 0 ? "" : ", ")
                    .append(expression(c, source))
                    .append(" AS ")
                    .append(quoted(c.as()));
            if (!c.aggregated()) {
                groups.add(String.valueOf(i + 1));
                if (spec.key().contains(c.as()) && c.ifNull() == null) {
                    notNull.add(column(c.column(), source) + " IS NOT NULL");
                }
            }
        }
        sql.append(" FROM ").append(from(source));
        List<String> conditions = new ArrayList<>();
        for (FilterSpec f : spec.filters()) {
            conditions.add(condition(f, source));
        }
        // A key identifies a row; an unknown value identifies none, so such rows stay out (or get ifNull).
        conditions.addAll(notNull);
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        boolean grouped = spec.columns().stream().anyMatch(ColumnSpec::aggregated);
        if (grouped && !groups.isEmpty()) {
            sql.append(" GROUP BY ").append(String.join(", ", groups));
        }
        String select = sql.toString();
        List<String> statements = new ArrayList<>();
        statements.add("CREATE MATERIALIZED VIEW " + quoted(view) + " AS " + select);
        statements.add("CREATE UNIQUE INDEX " + quoted(view + "_key") + " ON " + quoted(view) + " ("
                + String.join(
                        ", ", spec.key().stream().map(ViewCompiler::quoted).toList()) + ")");
        if (spec.scopeColumn() != null) {
            statements.add("CREATE INDEX " + quoted(view + "_scope") + " ON " + quoted(view) + " ("
                    + quoted(spec.scopeColumn()) + " text_pattern_ops)");
        }
        return new Compiled(view, select, statements);
    }

    /**
     * The source's relation, or for uploaded rows a subquery giving each data item its column: the entry code
     * and item names become literals, numbers are cast only when they look like numbers.
     */
    private static String from(ThemeSource source) {
        if (!source.name().startsWith(ImportedSources.PREFIX)) {
            return quoted(source.relation());
        }
        List<String> columns = new ArrayList<>();
        for (String name : source.columns().keySet().stream().sorted().toList()) {
            String value = "(q.data ->> " + Literals.quote(name) + ")";
            String expression = name.equals("row_no")
                    ? "q.row_no"
                    : source.columns().get(name) == ColumnType.NUMBER
                            ? "CASE WHEN " + value + " ~ " + Literals.quote(NUMBER) + " THEN " + value + "::numeric END"
                            : value;
            columns.add(expression + " AS " + quoted(name));
        }
        return "(SELECT " + String.join(", ", columns) + " FROM " + quoted(source.relation())
                + " q WHERE q.entry_code = "
                + Literals.quote(source.name().substring(ImportedSources.PREFIX.length())) + ") AS src";
    }

    private String expression(ColumnSpec c, ThemeSource source) {
        if (c.aggregated()) {
            return switch (c.aggregate()) {
                case "count" -> c.column() == null ? "count(*)" : "count(" + column(c.column(), source) + ")";
                case "count_distinct" -> "count(DISTINCT " + column(c.column(), source) + ")";
                case "sum" ->
                    source.columns().get(c.column()) == ColumnType.BOOLEAN
                            ? "count(*) FILTER (WHERE " + column(c.column(), source) + ")"
                            : "sum(" + column(c.column(), source) + ")";
                case "avg", "min", "max" -> c.aggregate() + "(" + column(c.column(), source) + ")";
                default -> throw new IllegalArgumentException("not an aggregate: " + c.aggregate());
            };
        }
        String col = column(c.column(), source);
        if (c.bucket() != null) {
            // date_trunc's unit and zone are literals: the unit one of three words, the zone a valid ZoneId.
            return source.columns().get(c.column()) == ColumnType.DATE
                    ? "date_trunc(" + Literals.quote(c.bucket()) + ", " + col + "::timestamp)::date"
                    : "date_trunc(" + Literals.quote(c.bucket()) + ", " + col + ", " + Literals.quote(zone.getId())
                            + ")";
        }
        if (c.ifNull() != null) {
            return "coalesce(" + col + ", "
                    + Literals.render(ColumnType.TEXT, c.ifNull()).orElseThrow() + ")";
        }
        return col;
    }

    private static String condition(FilterSpec f, ThemeSource source) {
        String col = column(f.column(), source);
        ColumnType type = source.columns().get(f.column());
        return switch (f.op()) {
            case "is_null" -> col + " IS NULL";
            case "not_null" -> col + " IS NOT NULL";
            case "within" -> col + " >= now() - " + Literals.interval(f.value()).orElseThrow();
            case "in" ->
                col + " IN ("
                        + String.join(
                                ", ",
                                f.values().stream()
                                        .map(v -> Literals.render(type, v).orElseThrow())
                                        .toList())
                        + ")";
            default ->
                col + " " + operator(f.op()) + " "
                        + Literals.render(type, f.value()).orElseThrow();
        };
    }

    private static String operator(String op) {
        return switch (op) {
            case "eq" -> "=";
            case "ne" -> "<>";
            case "lt" -> "<";
            case "le" -> "<=";
            case "gt" -> ">";
            case "ge" -> ">=";
            default -> throw new IllegalArgumentException("not an operator: " + op);
        };
    }

    private static String column(String name, ThemeSource source) {
        if (!source.columns().containsKey(name)) {
            throw new IllegalArgumentException("not a column of " + source.name() + ": " + name);
        }
        return quoted(name);
    }

    static String quoted(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain name: " + name);
        }
        return '"' + name + '"';
    }
}
