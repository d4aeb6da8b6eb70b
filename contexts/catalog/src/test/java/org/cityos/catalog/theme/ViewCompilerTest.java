package org.cityos.catalog.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.cityos.catalog.theme.TableSpec.ColumnSpec;
import org.cityos.catalog.theme.TableSpec.FilterSpec;
import org.junit.jupiter.api.Test;

/** A spec becomes one exact SQL text; values become literals that cannot end their quotes. */
class ViewCompilerTest {
    final ViewCompiler compiler = new ViewCompiler(ZoneId.of("Asia/Shanghai"));

    static TableSpec valid(TableSpec t) {
        return SpecValidation.check(SpecValidationTest.draft(t), n -> Optional.of(SpecValidationTest.ALARMS))
                .tables()
                .get(0);
    }

    @Test
    void aGroupedSpecCompilesToAViewWithItsKeyAndScopeIndexes() {
        ViewCompiler.Compiled c = compiler.compile("ops", valid(SpecValidationTest.good()), SpecValidationTest.ALARMS);
        assertThat(c.view()).isEqualTo("theme_ops_daily");
        assertThat(c.select())
                .isEqualTo("SELECT date_trunc('day', \"raised_at\", 'Asia/Shanghai') AS \"day\","
                        + " coalesce(\"division\", '') AS \"division\", count(*) AS \"alarms\","
                        + " count(*) FILTER (WHERE \"flapping\") AS \"flapping\""
                        + " FROM \"catalog_src_alerting_alarms\""
                        + " WHERE \"severity\" IN ('RED', 'ORANGE') AND \"raised_at\" IS NOT NULL"
                        + " GROUP BY 1, 2");
        assertThat(c.statements())
                .containsExactly(
                        "CREATE MATERIALIZED VIEW \"theme_ops_daily\" AS " + c.select(),
                        "CREATE UNIQUE INDEX \"theme_ops_daily_key\" ON \"theme_ops_daily\" (\"day\", \"division\")",
                        "CREATE INDEX \"theme_ops_daily_scope\" ON \"theme_ops_daily\" (\"division\""
                                + " text_pattern_ops)");
    }

    @Test
    void valuesAreRenderedByTypeAndTimeWindowsAsIntervals() {
        TableSpec t = valid(new TableSpec(
                "recent",
                null,
                "alerting.alarms",
                List.of(new ColumnSpec("alarm_id", "alarm", null, null, null)),
                List.of(
                        new FilterSpec("escalation_level", "ge", " 2.50 ", null),
                        new FilterSpec("flapping", "eq", "FALSE", null),
                        new FilterSpec("raised_at", "lt", "2026-11-26T08:00:00+08:00", null),
                        new FilterSpec("raised_at", "within", "P7D", null),
                        new FilterSpec("division", "not_null", null, null)),
                null,
                List.of("alarm")));
        assertThat(compiler.compile("ops", t, SpecValidationTest.ALARMS).select())
                .isEqualTo("SELECT \"alarm_id\" AS \"alarm\" FROM \"catalog_src_alerting_alarms\""
                        + " WHERE \"escalation_level\" >= (2.50) AND \"flapping\" = false"
                        + " AND \"raised_at\" < '2026-11-26T00:00:00Z'::timestamptz"
                        + " AND \"raised_at\" >= now() - make_interval(secs => 604800)"
                        + " AND \"division\" IS NOT NULL AND \"alarm_id\" IS NOT NULL");
    }

    @Test
    void anInjectionAttemptInAFilterValueStaysOneLiteral() {
        String attack = "x'); DROP TABLE catalog_theme; --";
        String backslash = "a\\'; DROP TABLE catalog_theme; --";
        TableSpec t = valid(new TableSpec(
                "hits",
                null,
                "alerting.alarms",
                List.of(new ColumnSpec("alarm_id", "alarm", null, null, null)),
                List.of(
                        new FilterSpec("severity", "eq", attack, null),
                        new FilterSpec("severity", "ne", backslash, null)),
                null,
                List.of("alarm")));
        String sql = compiler.compile("ops", t, SpecValidationTest.ALARMS).select();
        assertThat(sql)
                .contains("\"severity\" = 'x''); DROP TABLE catalog_theme; --'")
                .contains("\"severity\" <> E'a\\\\''; DROP TABLE catalog_theme; --'");
        // Outside the literals, only the compiler's own words remain.
        String outside = sql.replaceAll("E?'(?:[^']|'')*'", "?");
        assertThat(outside).doesNotContain("DROP").doesNotContain(";");
    }

    @Test
    void quotingMatchesPostgresQuoteLiteral() {
        assertThat(Literals.quote("it's")).isEqualTo("'it''s'");
        assertThat(Literals.quote("C:\\dir")).isEqualTo("E'C:\\\\dir'");
        assertThat(Literals.render(ColumnType.TEXT, "nul\0")).isEmpty();
        assertThat(Literals.render(ColumnType.NUMBER, "1e3")).contains("(1000)");
        assertThat(Literals.render(ColumnType.NUMBER, "1 OR 1=1")).isEmpty();
        assertThat(Literals.render(ColumnType.DATE, "2026-11-26")).contains("DATE '2026-11-26'");
        assertThat(Literals.interval("-P1D")).isEmpty();
    }

    @Test
    void identifiersThatAreNotPlainNamesAreRefused() {
        assertThatThrownBy(() -> ViewCompiler.quoted("a\"b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ViewCompiler.quoted("x; drop")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void uploadedRowsAreReadThroughASubqueryOfTheirEntry() {
        ThemeSource imported = new ThemeSource(
                "imported:2-01-001-0001",
                "catalog_quality_row",
                "rows",
                java.util.Map.of("row_no", ColumnType.NUMBER, "pm25", ColumnType.NUMBER, "station", ColumnType.TEXT));
        TableSpec t = new TableSpec(
                "rows",
                null,
                imported.name(),
                List.of(new ColumnSpec("row_no", "row_no", null, null, null)),
                List.of(),
                null,
                List.of("row_no"));
        assertThat(compiler.compile("air", t, imported).select())
                .startsWith("SELECT \"row_no\" AS \"row_no\" FROM (SELECT CASE WHEN (q.data ->> 'pm25') ~ E'")
                .contains("THEN (q.data ->> 'pm25')::numeric END AS \"pm25\", q.row_no AS \"row_no\","
                        + " (q.data ->> 'station') AS \"station\" FROM \"catalog_quality_row\" q"
                        + " WHERE q.entry_code = '2-01-001-0001') AS src WHERE \"row_no\" IS NOT NULL");
    }
}
