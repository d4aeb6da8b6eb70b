package org.cityos.catalog.quality;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.cityos.catalog.UpdateCycle;

/** Judges rows against one rule; no I/O, so every rule kind is tested without a database. */
final class RuleEvaluation {
    static final int SAMPLE_SIZE = 5;
    /** Values longer than this fail a pattern unread: no regular expression runs over unbounded input. */
    static final int MAX_MATCHED_LENGTH = 1000;
    /** Characters a pattern may read per value (backtracking included) before the value fails unjudged. */
    static final int MATCH_BUDGET = 100_000;

    /**
     * What a run knows besides the rows.
     *
     * @param importedAt when the rows were imported (null for a named source)
     * @param personal fields whose values are masked in samples
     * @param otherValues the distinct values of a named source's field, for consistency
     */
    record Context(
            Instant now,
            UpdateCycle cycle,
            Instant importedAt,
            Set<String> personal,
            BiFunction<String, String, Set<String>> otherValues) {}

    private RuleEvaluation() {}

    static RuleResult evaluate(QualityRule rule, List<Map<String, String>> rows, Context context) {
        return switch (rule.kind()) {
            case COMPLETENESS -> perRow(rule, rows, context, (row, v) -> !empty(v), false);
            case PATTERN -> {
                Pattern p = Pattern.compile(rule.pattern());
                yield perRow(rule, rows, context, (row, v) -> v.length() <= MAX_MATCHED_LENGTH && matches(p, v), true);
            }
            case RANGE -> perRow(rule, rows, context, (row, v) -> inRange(v, rule.min(), rule.max()), true);
            case CODE_LIST -> {
                Set<String> codes = Set.copyOf(rule.codes());
                yield perRow(rule, rows, context, (row, v) -> codes.contains(v), true);
            }
            case CONSISTENCY -> {
                Set<String> found = context.otherValues().apply(rule.otherSource(), rule.otherField());
                yield perRow(rule, rows, context, (row, v) -> found.contains(v), true);
            }
            case UNIQUENESS -> unique(rule, rows, context);
            case TIMELINESS -> timely(rule, rows, context);
        };
    }

    /** Judges the rule's single field of every row; {@code skipEmpty}: empty values are completeness's business. */
    private static RuleResult perRow(
            QualityRule rule,
            List<Map<String, String>> rows,
            Context context,
            BiFunction<Map<String, String>, String, Boolean> good,
            boolean skipEmpty) {
        String field = rule.fields().get(0);
        int checked = 0;
        int failed = 0;
        List<Map<String, String>> sample = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String value = rows.get(i).get(field);
            if (skipEmpty && empty(value)) {
                continue;
            }
            checked++;
            if (!good.apply(rows.get(i), skipEmpty ? value.trim() : value)) {
                failed++;
                sample(sample, rule, rows.get(i), i + 1, context);
            }
        }
        return result(rule, checked, failed, sample);
    }

    private static RuleResult unique(QualityRule rule, List<Map<String, String>> rows, Context context) {
        Map<List<String>, Integer> seen = new HashMap<>();
        int checked = 0;
        int failed = 0;
        List<Map<String, String>> sample = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            List<String> key = rule.fields().stream()
                    .map(f -> empty(row.get(f)) ? "" : row.get(f).trim())
                    .toList();
            if (key.stream().allMatch(String::isEmpty)) {
                continue;
            }
            checked++;
            // Every repetition after the first counts as a failure: two equal rows are one row too many.
            if (seen.merge(key, 1, Integer::sum) > 1) {
                failed++;
                sample(sample, rule, row, i + 1, context);
            }
        }
        return result(rule, checked, failed, sample);
    }

    private static RuleResult timely(QualityRule rule, List<Map<String, String>> rows, Context context) {
        Duration cycle = cycle(context.cycle());
        if (cycle == null) {
            // An irregular resource has no cycle to be late against.
            return result(rule, 0, 0, List.of());
        }
        Instant last = null;
        if (rule.fields().isEmpty()) {
            last = context.importedAt();
        } else {
            for (Map<String, String> row : rows) {
                Instant at = instant(row.get(rule.fields().get(0)));
                if (at != null && (last == null || at.isAfter(last))) {
                    last = at;
                }
            }
        }
        boolean late = last == null || last.plus(cycle).isBefore(context.now());
        List<Map<String, String>> sample = new ArrayList<>();
        if (late) {
            Map<String, String> s = new LinkedHashMap<>();
            s.put("lastUpdate", last == null ? "" : last.toString());
            s.put("cycle", context.cycle().name());
            sample.add(s);
        }
        return result(rule, 1, late ? 1 : 0, sample);
    }

    /** How old data may be under each update cycle; null when there is no cycle. */
    static Duration cycle(UpdateCycle cycle) {
        return switch (cycle) {
            case REAL_TIME -> Duration.ofHours(1);
            case DAILY -> Duration.ofDays(1);
            case WEEKLY -> Duration.ofDays(7);
            case MONTHLY -> Duration.ofDays(31);
            case QUARTERLY -> Duration.ofDays(92);
            case HALF_YEARLY -> Duration.ofDays(183);
            case YEARLY -> Duration.ofDays(366);
            case IRREGULAR -> null;
        };
    }

    private static RuleResult result(QualityRule rule, int checked, int failed, List<Map<String, String>> sample) {
        double score = checked == 0 ? 1.0 : (checked - failed) / (double) checked;
        return new RuleResult(rule.id(), rule.kind(), checked, failed, score, score >= rule.threshold(), sample);
    }

    private static void sample(
            List<Map<String, String>> sample, QualityRule rule, Map<String, String> row, int rowNo, Context context) {
        if (sample.size() >= SAMPLE_SIZE) {
            return;
        }
        Map<String, String> s = new LinkedHashMap<>();
        s.put("row", String.valueOf(rowNo));
        for (String f : rule.fields()) {
            String v = row.get(f);
            s.put(f, v == null ? "" : context.personal().contains(f) ? mask(v) : v);
        }
        sample.add(s);
    }

    /** Keeps the first and last character, as the catalogue masks contacts. */
    static String mask(String value) {
        if (value.length() <= 2) {
            return "*".repeat(value.length());
        }
        return value.charAt(0) + "*".repeat(value.length() - 2) + value.charAt(value.length() - 1);
    }

    /** A value the pattern cannot judge within its budget fails, as one it does not match. */
    private static boolean matches(Pattern pattern, String value) {
        try {
            return pattern.matcher(new BoundedText(value, MATCH_BUDGET)).matches();
        } catch (BoundedText.TooCostly e) {
            return false;
        }
    }

    private static boolean inRange(String value, Double min, Double max) {
        double d;
        try {
            d = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return false;
        }
        return !Double.isNaN(d) && (min == null || d >= min) && (max == null || d <= max);
    }

    /** An ISO instant, offset date-time or date (midnight UTC); null when the value is none of these. */
    static Instant instant(String value) {
        if (empty(value)) {
            return null;
        }
        String v = value.trim();
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            // not an instant; try the others
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // not with an offset either
        }
        try {
            return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean empty(String v) {
        return v == null || v.isBlank();
    }
}
