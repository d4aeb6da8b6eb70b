package org.cityos.catalog.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.junit.jupiter.api.Test;

/** Bad rules are refused at save with every wrong field named. */
class RuleValidationTest {
    static final Set<String> FIELDS = Set.of("station_id", "pm25", "dept");

    static QualityRule check(RuleDraft d) {
        return RuleValidation.check(
                "2-01-001-0001",
                d,
                FIELDS,
                true,
                name -> name.equals("catalog.entries") ? Optional.of(Set.of("provider_department")) : Optional.empty());
    }

    static List<String> fieldsOf(RuleDraft d) {
        try {
            check(d);
        } catch (InvalidInput e) {
            return e.fieldIssues().stream().map(FieldIssue::field).toList();
        }
        throw new AssertionError("accepted " + d);
    }

    @Test
    void aGoodRuleKeepsOnlyItsKindsParameters() {
        QualityRule r =
                check(new RuleDraft("range", List.of("pm25"), "x", 0.0, 500.0, List.of("a"), null, null, null, 2.0));
        assertThat(r.kind()).isEqualTo(RuleKind.RANGE);
        assertThat(r.pattern()).isNull();
        assertThat(r.codes()).isEmpty();
        assertThat(r.threshold()).isEqualTo(0.95);
        assertThat(r.weight()).isEqualTo(2.0);
    }

    @Test
    void unknownKindAndFieldAreNamed() {
        assertThat(fieldsOf(new RuleDraft("beauty", List.of("nope"), null, null, null, null, null, null, null, null)))
                .containsExactlyInAnyOrder("fields[0]", "kind");
        assertThat(fieldsOf(new RuleDraft(null, List.of("pm25"), null, null, null, null, null, null, null, null)))
                .containsExactlyInAnyOrder("kind");
    }

    @Test
    void brokenPatternRangeAndCodeListAreNamed() {
        assertThat(fieldsOf(new RuleDraft("pattern", List.of("pm25"), "([", null, null, null, null, null, null, null)))
                .containsExactlyInAnyOrder("pattern");
        assertThat(fieldsOf(new RuleDraft(
                        "pattern", List.of("pm25"), "a".repeat(201), null, null, null, null, null, null, null)))
                .containsExactlyInAnyOrder("pattern");
        assertThat(fieldsOf(new RuleDraft("range", List.of("pm25"), null, 5.0, 1.0, null, null, null, null, null)))
                .containsExactlyInAnyOrder("max");
        assertThat(fieldsOf(new RuleDraft("range", List.of("pm25"), null, null, null, null, null, null, null, null)))
                .containsExactlyInAnyOrder("min");
        assertThat(fieldsOf(new RuleDraft(
                        "code_list", List.of("pm25"), null, null, null, List.of(), null, null, null, null)))
                .containsExactlyInAnyOrder("codes");
    }

    @Test
    void fieldCountThresholdAndWeightAreChecked() {
        assertThat(fieldsOf(new RuleDraft("completeness", List.of(), null, null, null, null, null, null, 1.5, 0.0)))
                .containsExactlyInAnyOrder("fields", "threshold", "weight");
        assertThat(fieldsOf(new RuleDraft(
                        "uniqueness",
                        List.of("pm25", "dept", "station_id", "pm25", "dept", "pm25"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)))
                .containsExactlyInAnyOrder("fields");
    }

    @Test
    void consistencyNeedsAnAvailableNamedSourceAndItsColumn() {
        assertThat(fieldsOf(new RuleDraft(
                        "consistency", List.of("dept"), null, null, null, null, "SELECT 1", null, null, null)))
                .containsExactlyInAnyOrder("otherSource");
        assertThat(fieldsOf(new RuleDraft(
                        "consistency",
                        List.of("dept"),
                        null,
                        null,
                        null,
                        null,
                        "identity.departments",
                        "code",
                        null,
                        null)))
                .containsExactlyInAnyOrder("otherSource");
        assertThat(fieldsOf(new RuleDraft(
                        "consistency", List.of("dept"), null, null, null, null, "catalog.entries", "code", null, null)))
                .containsExactlyInAnyOrder("otherField");
        assertThat(check(new RuleDraft(
                                "consistency",
                                List.of("dept"),
                                null,
                                null,
                                null,
                                null,
                                "catalog.entries",
                                "provider_department",
                                null,
                                null))
                        .otherField())
                .isEqualTo("provider_department");
    }

    @Test
    void invalidInputIsAnException() {
        assertThatThrownBy(() -> check(
                        new RuleDraft("timeliness", List.of("a", "b"), null, null, null, null, null, null, null, null)))
                .isInstanceOf(InvalidInput.class);
    }
}
