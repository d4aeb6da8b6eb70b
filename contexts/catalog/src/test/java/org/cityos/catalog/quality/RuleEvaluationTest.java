package org.cityos.catalog.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityos.catalog.UpdateCycle;
import org.junit.jupiter.api.Test;

/** Every rule kind passing and failing on small tables, with samples masked and scores as shares. */
class RuleEvaluationTest {
    static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    static RuleEvaluation.Context context(UpdateCycle cycle, Instant importedAt) {
        return new RuleEvaluation.Context(
                NOW, cycle, importedAt, Set.of("phone"), (source, field) -> Set.of("ecology", "transport"));
    }

    static QualityRule rule(RuleKind kind, List<String> fields, double threshold) {
        return new QualityRule(7, "2-01-001-0001", kind, fields, null, null, null, null, null, null, threshold, 1);
    }

    static Map<String, String> row(String... kv) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            row.put(kv[i], kv[i + 1]);
        }
        return row;
    }

    static RuleResult run(QualityRule rule, List<Map<String, String>> rows) {
        return RuleEvaluation.evaluate(rule, rows, context(UpdateCycle.DAILY, null));
    }

    @Test
    void completenessCountsEmptyAndMissingValues() {
        List<Map<String, String>> rows =
                List.of(row("phone", "13812345678"), row("phone", " "), row(), row("phone", "1"));
        RuleResult r = run(rule(RuleKind.COMPLETENESS, List.of("phone"), 0.5), rows);
        assertThat(r.checked()).isEqualTo(4);
        assertThat(r.failed()).isEqualTo(2);
        assertThat(r.score()).isEqualTo(0.5);
        assertThat(r.passed()).isTrue();
        assertThat(run(rule(RuleKind.COMPLETENESS, List.of("phone"), 0.95), rows)
                        .passed())
                .isFalse();
    }

    @Test
    void patternJudgesNonEmptyValuesAndMasksPersonalOnesInSamples() {
        QualityRule rule = new QualityRule(
                7, "c", RuleKind.PATTERN, List.of("phone"), "1[3-9]\\d{9}", null, null, null, null, null, 1.0, 1);
        RuleResult pass = run(rule, List.of(row("phone", "13812345678"), row("phone", "")));
        assertThat(pass.checked()).isEqualTo(1);
        assertThat(pass.passed()).isTrue();
        RuleResult fail = run(rule, List.of(row("phone", "13812345678"), row("phone", "12345")));
        assertThat(fail.failed()).isEqualTo(1);
        assertThat(fail.passed()).isFalse();
        assertThat(fail.sample()).containsExactly(Map.of("row", "2", "phone", "1***5"));
    }

    @Test
    void patternRefusesOverlongValuesWithoutMatching() {
        QualityRule rule =
                new QualityRule(7, "c", RuleKind.PATTERN, List.of("v"), "a+", null, null, null, null, null, 1.0, 1);
        RuleResult r = run(rule, List.of(row("v", "a".repeat(RuleEvaluation.MAX_MATCHED_LENGTH + 1))));
        assertThat(r.failed()).isEqualTo(1);
    }

    @Test
    void aCatastrophicPatternFailsTheValueInsteadOfStallingTheRun() {
        QualityRule rule =
                new QualityRule(7, "c", RuleKind.PATTERN, List.of("v"), "(a+)+b", null, null, null, null, null, 1.0, 1);
        long start = System.nanoTime();
        RuleResult r = run(rule, List.of(row("v", "a".repeat(60)), row("v", "aab")));
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.sample()).extracting(s -> s.get("row")).containsExactly("1");
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    @Test
    void rangeFailsOutsideBoundsAndNonNumbers() {
        QualityRule rule =
                new QualityRule(7, "c", RuleKind.RANGE, List.of("pm25"), null, 0.0, 500.0, null, null, null, 0.6, 1);
        RuleResult r = run(rule, List.of(row("pm25", "35.5"), row("pm25", "0"), row("pm25", "-1"), row("pm25", "n/a")));
        assertThat(r.checked()).isEqualTo(4);
        assertThat(r.failed()).isEqualTo(2);
        assertThat(r.passed()).isFalse();
        assertThat(run(rule, List.of(row("pm25", "500"))).passed()).isTrue();
    }

    @Test
    void codeListAcceptsOnlyListedCodes() {
        QualityRule rule = new QualityRule(
                7,
                "c",
                RuleKind.CODE_LIST,
                List.of("state"),
                null,
                null,
                null,
                List.of("ACTIVE", "RETIRED"),
                null,
                null,
                1.0,
                1);
        assertThat(run(rule, List.of(row("state", "ACTIVE"), row("state", "RETIRED")))
                        .passed())
                .isTrue();
        RuleResult fail = run(rule, List.of(row("state", "ACTIVE"), row("state", "active")));
        assertThat(fail.failed()).isEqualTo(1);
        assertThat(fail.passed()).isFalse();
    }

    @Test
    void uniquenessOfAFieldSetCountsEveryRepetition() {
        QualityRule rule = rule(RuleKind.UNIQUENESS, List.of("station", "hour"), 1.0);
        assertThat(run(rule, List.of(row("station", "A", "hour", "1"), row("station", "A", "hour", "2")))
                        .passed())
                .isTrue();
        RuleResult fail = run(
                rule,
                List.of(
                        row("station", "A", "hour", "1"),
                        row("station", "A", "hour", "1"),
                        row("station", "A", "hour", "1"),
                        row("station", "B", "hour", "1")));
        assertThat(fail.failed()).isEqualTo(2);
        assertThat(fail.score()).isEqualTo(0.5);
        assertThat(fail.sample()).extracting(s -> s.get("row")).containsExactly("2", "3");
    }

    @Test
    void timelinessByLatestValueAgainstTheUpdateCycle() {
        QualityRule rule = rule(RuleKind.TIMELINESS, List.of("updated_at"), 1.0);
        List<Map<String, String>> fresh =
                List.of(row("updated_at", "2026-11-20T00:00:00Z"), row("updated_at", "2026-11-25T09:00:00Z"));
        assertThat(RuleEvaluation.evaluate(rule, fresh, context(UpdateCycle.DAILY, null))
                        .passed())
                .isTrue();
        List<Map<String, String>> stale = List.of(row("updated_at", "2026-11-24"));
        RuleResult late = RuleEvaluation.evaluate(rule, stale, context(UpdateCycle.DAILY, null));
        assertThat(late.passed()).isFalse();
        assertThat(late.score()).isZero();
        assertThat(RuleEvaluation.evaluate(rule, stale, context(UpdateCycle.WEEKLY, null))
                        .passed())
                .isTrue();
        assertThat(RuleEvaluation.evaluate(rule, stale, context(UpdateCycle.IRREGULAR, null))
                        .passed())
                .isTrue();
    }

    @Test
    void timelinessWithoutFieldUsesTheImportTime() {
        QualityRule rule = rule(RuleKind.TIMELINESS, List.of(), 1.0);
        assertThat(RuleEvaluation.evaluate(rule, List.of(), context(UpdateCycle.DAILY, NOW.minusSeconds(3600)))
                        .passed())
                .isTrue();
        assertThat(RuleEvaluation.evaluate(rule, List.of(), context(UpdateCycle.DAILY, NOW.minusSeconds(90_000)))
                        .passed())
                .isFalse();
        assertThat(RuleEvaluation.evaluate(rule, List.of(), context(UpdateCycle.DAILY, null))
                        .passed())
                .isFalse();
    }

    @Test
    void consistencyLooksValuesUpInTheOtherSource() {
        QualityRule rule = new QualityRule(
                7,
                "c",
                RuleKind.CONSISTENCY,
                List.of("dept"),
                null,
                null,
                null,
                null,
                "identity.departments",
                "code",
                1.0,
                1);
        assertThat(run(rule, List.of(row("dept", "ecology"), row("dept", "transport")))
                        .passed())
                .isTrue();
        RuleResult fail = run(rule, List.of(row("dept", "ecology"), row("dept", "nowhere")));
        assertThat(fail.failed()).isEqualTo(1);
        assertThat(fail.sample()).containsExactly(Map.of("row", "2", "dept", "nowhere"));
    }

    @Test
    void nothingToJudgeScoresOne() {
        RuleResult r = run(rule(RuleKind.UNIQUENESS, List.of("x"), 1.0), List.of());
        assertThat(r.checked()).isZero();
        assertThat(r.score()).isEqualTo(1.0);
    }
}
