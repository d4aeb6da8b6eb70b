package org.cityos.catalog.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityos.catalog.theme.TableSpec.ColumnSpec;
import org.cityos.catalog.theme.TableSpec.FilterSpec;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.junit.jupiter.api.Test;

/** Each kind of wrong spec is refused at save with the position of the wrong field and why. */
class SpecValidationTest {
    static final ThemeSource ALARMS = new ThemeSource(
            "alerting.alarms",
            "catalog_src_alerting_alarms",
            "alarms",
            Map.of(
                    "alarm_id", ColumnType.TEXT,
                    "severity", ColumnType.TEXT,
                    "division", ColumnType.TEXT,
                    "raised_at", ColumnType.TIMESTAMP,
                    "escalation_level", ColumnType.NUMBER,
                    "flapping", ColumnType.BOOLEAN));

    static TableSpec daily(List<ColumnSpec> columns, List<FilterSpec> filters, String scope, List<String> key) {
        return new TableSpec("daily", "每日", "alerting.alarms", columns, filters, scope, key);
    }

    static TableSpec good() {
        return daily(
                List.of(
                        new ColumnSpec("raised_at", "day", null, "DAY", null),
                        new ColumnSpec("division", "division", null, null, ""),
                        new ColumnSpec(null, "alarms", "COUNT", null, null),
                        new ColumnSpec("flapping", "flapping", "sum", null, null)),
                List.of(new FilterSpec("severity", "IN", null, List.of("RED", "ORANGE"))),
                "division",
                List.of("day", "division"));
    }

    static ThemeDraft draft(TableSpec... tables) {
        return new ThemeDraft("ops", "运行", "Operation", null, "ecology", "PT1H", null, List.of(tables));
    }

    static List<FieldIssue> issues(ThemeDraft d) {
        return catchThrowableOfType(
                        InvalidInput.class,
                        () -> SpecValidation.check(
                                d, n -> n.equals(ALARMS.name()) ? Optional.of(ALARMS) : Optional.empty()))
                .fieldIssues();
    }

    static List<String> where(ThemeDraft d) {
        return issues(d).stream().map(i -> i.field() + " " + i.messageKey()).toList();
    }

    @Test
    void aGoodSpecPassesWithItsWordsNormalised() {
        SpecValidation.Valid v = SpecValidation.check(draft(good()), n -> Optional.of(ALARMS));
        TableSpec t = v.tables().get(0);
        assertThat(t.columns().get(0).bucket()).isEqualTo("day");
        assertThat(t.columns().get(2).aggregate()).isEqualTo("count");
        assertThat(t.filters().get(0).op()).isEqualTo("in");
        assertThat(v.status()).isEqualTo(Theme.ThemeStatus.ACTIVE);
    }

    @Test
    void themeFieldsAreCheckedOneByOne() {
        ThemeDraft d = new ThemeDraft("Ops_1", null, "x", null, "ecology", "PT1M", "sleeping", List.of());
        assertThat(where(d))
                .containsExactlyInAnyOrder(
                        "code theme.validation.code",
                        "nameZh theme.validation.required",
                        "refreshInterval theme.validation.interval",
                        "status theme.validation.one-of",
                        "tables theme.validation.count");
    }

    @Test
    void anUnknownSourceOrColumnIsNamedByPosition() {
        TableSpec unknownSource = new TableSpec(
                "t",
                null,
                "payroll",
                List.of(new ColumnSpec(null, "n", "count", null, null)),
                null,
                null,
                List.of("n"));
        assertThat(where(draft(unknownSource))).contains("tables[0].source theme.validation.unknown-source");
        List<ColumnSpec> columns = new ArrayList<>(good().columns());
        columns.set(1, new ColumnSpec("town", "division", null, null, null));
        assertThat(where(draft(daily(columns, List.of(), null, List.of("day", "division")))))
                .containsExactly("tables[0].columns[1].column theme.validation.unknown-column");
    }

    @Test
    void aggregatesAndBucketsMustFitTheColumnType() {
        TableSpec t = daily(
                List.of(
                        new ColumnSpec("severity", "sev", null, "hour", null),
                        new ColumnSpec("severity", "mean", "avg", null, null),
                        new ColumnSpec("raised_at", "first", "median", null, null),
                        new ColumnSpec("raised_at", "day", "min", "day", null)),
                List.of(),
                null,
                List.of("sev"));
        assertThat(where(draft(t)))
                .containsExactlyInAnyOrder(
                        "tables[0].columns[0].bucket theme.validation.bucket-type",
                        "tables[0].columns[1].aggregate theme.validation.aggregate-type",
                        "tables[0].columns[2].aggregate theme.validation.one-of",
                        "tables[0].columns[3].bucket theme.validation.bucket-aggregate");
    }

    @Test
    void filtersNeedAKnownOperatorAndAValueOfTheColumnsType() {
        TableSpec t = daily(
                good().columns(),
                List.of(
                        new FilterSpec("escalation_level", "gt", "1; DROP TABLE x", null),
                        new FilterSpec("severity", "like", "R%", null),
                        new FilterSpec("severity", "within", "P1D", null),
                        new FilterSpec("raised_at", "within", "yesterday", null),
                        new FilterSpec("flapping", "lt", "true", null),
                        new FilterSpec("severity", "in", null, List.of())),
                "division",
                List.of("day", "division"));
        assertThat(where(draft(t)))
                .containsExactlyInAnyOrder(
                        "tables[0].filters[0].value theme.validation.value",
                        "tables[0].filters[1].op theme.validation.one-of",
                        "tables[0].filters[2].op theme.validation.within-type",
                        "tables[0].filters[3].value theme.validation.duration",
                        "tables[0].filters[4].op theme.validation.op-type",
                        "tables[0].filters[5].values theme.validation.count");
    }

    @Test
    void theKeyMustHoldEveryGroupingColumnAndNoAggregate() {
        TableSpec missing = daily(good().columns(), List.of(), null, List.of("day"));
        assertThat(where(draft(missing))).containsExactly("tables[0].key theme.validation.key-group");
        TableSpec aggregated = daily(good().columns(), List.of(), null, List.of("day", "division", "alarms"));
        assertThat(where(draft(aggregated))).containsExactly("tables[0].key[2] theme.validation.key-aggregate");
        TableSpec unknown = daily(good().columns(), List.of(), null, List.of("day", "division", "town"));
        assertThat(where(draft(unknown))).containsExactly("tables[0].key[2] theme.validation.unknown-output");
    }

    @Test
    void theScopeColumnMustBeAPlainTextOutput() {
        TableSpec t = daily(good().columns(), List.of(), "alarms", List.of("day", "division"));
        assertThat(where(draft(t))).containsExactly("tables[0].scopeColumn theme.validation.scope-column");
        TableSpec bucketed = daily(good().columns(), List.of(), "day", List.of("day", "division"));
        assertThat(where(draft(bucketed))).containsExactly("tables[0].scopeColumn theme.validation.scope-column");
    }

    @Test
    void namesMustBePlainAndUnique() {
        List<ColumnSpec> columns = new ArrayList<>(good().columns());
        columns.add(new ColumnSpec(null, "alarms", "count", null, null));
        columns.add(new ColumnSpec(null, "a\"; drop", "count", null, null));
        TableSpec t = daily(columns, List.of(), null, List.of("day", "division"));
        assertThat(where(draft(t, t)))
                .contains(
                        "tables[0].columns[4].as theme.validation.duplicate",
                        "tables[0].columns[5].as theme.validation.output-name",
                        "tables[1].name theme.validation.duplicate");
    }
}
