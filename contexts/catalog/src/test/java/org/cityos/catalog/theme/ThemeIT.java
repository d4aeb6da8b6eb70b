package org.cityos.catalog.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cityos.catalog.theme.TableSpec.ColumnSpec;
import org.cityos.catalog.theme.TableSpec.FilterSpec;
import org.cityos.catalog.theme.ThemeRefresh.Outcome;
import org.cityos.catalog.theme.ThemeRefresh.Trigger;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.AccessDenied;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Define, build, refresh (on demand, on schedule, failing), query with filters, sort, paging and scope. */
class ThemeIT {
    static final Instant DAY1 = Instant.parse("2026-11-24T02:00:00Z");
    static final Instant DAY2 = Instant.parse("2026-11-25T02:00:00Z");
    static final String TOWN1 = "110115001001";
    static final String TOWN2 = "110115002001";
    final JsonMapper json = JsonMapper.builder().build();
    final Actor[] current = {ThemeFixture.STEWARD};
    ThemeFixture f;
    MockMvc mvc;

    @BeforeEach
    void start() {
        f = new ThemeFixture();
        mvc = f.mvc(current);
        f.alarm("a1", "r1", "RED", TOWN1, DAY1);
        f.alarm("a2", "r2", "RED", TOWN1, DAY1);
        f.alarm("a3", "r3", "YELLOW", TOWN2, DAY1);
        f.alarm("a4", "r4", "RED", TOWN2, DAY2);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    static TableSpec perDay() {
        return new TableSpec(
                "per_day",
                "每日告警",
                "alerting.alarms",
                List.of(
                        new ColumnSpec("raised_at", "day", null, "day", null),
                        new ColumnSpec("division", "division", null, null, ""),
                        new ColumnSpec("severity", "severity", null, null, null),
                        new ColumnSpec(null, "alarms", "count", null, null)),
                List.of(),
                "division",
                List.of("day", "division", "severity"));
    }

    /** Not grouped: each alarm's rule claimed unique, which a second alarm of a rule breaks. */
    static TableSpec byRule() {
        return new TableSpec(
                "by_rule",
                null,
                "alerting.alarms",
                List.of(
                        new ColumnSpec("rule_id", "rule", null, null, null),
                        new ColumnSpec("severity", "severity", null, null, null)),
                List.of(),
                null,
                List.of("rule"));
    }

    static ThemeDraft draft(TableSpec... tables) {
        return new ThemeDraft("ops", "运行", "Operation", "告警", "ecology", "PT1H", null, List.of(tables));
    }

    @Test
    void aDefinedThemeIsBuiltWithItsRowsAndRefreshedOnDemand() throws Exception {
        Theme theme = f.themes.define(ThemeFixture.STEWARD, draft(perDay()));
        assertThat(theme.version()).isEqualTo(1);
        Theme.ThemeTable t = theme.tables().get(0);
        assertThat(t.view()).isEqualTo("theme_ops_per_day");
        assertThat(t.columns()).extracting(Theme.Column::name).containsExactly("day", "division", "severity", "alarms");
        assertThat(t.lastRefresh().trigger()).isEqualTo(Trigger.DEFINE);
        assertThat(t.lastRefresh().rows()).isEqualTo(3);

        f.alarm("a5", "r5", "RED", TOWN1, DAY1);
        mvc.perform(post("/api/themes/ops/refresh"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].outcome").value("OK"))
                .andExpect(jsonPath("$[0].rows").value(3));
        // Days are cut in Asia/Shanghai: 02:00Z is 10:00 there, the same day.
        mvc.perform(get("/api/themes/ops/tables/per_day/rows")
                        .param("severity", "RED")
                        .param("sort", "alarms")
                        .param("order", "desc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.length()").value(2))
                .andExpect(jsonPath("$.rows[0].alarms").value(3))
                .andExpect(jsonPath("$.rows[0].division").value(TOWN1))
                .andExpect(jsonPath("$.rows[0].day").value("2026-11-23T16:00:00Z"))
                .andExpect(jsonPath("$.rows[1].alarms").value(1));
        mvc.perform(get("/api/themes/ops/refreshes"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].trigger", hasItems("DEFINE", "DEMAND")));
    }

    @Test
    void pagesFollowTheKeyByCursorOrAnySortByOffset() throws Exception {
        f.themes.define(ThemeFixture.STEWARD, draft(perDay()));
        Map<?, ?> first = page("/api/themes/ops/tables/per_day/rows?limit=2", null);
        assertThat((List<?>) first.get("rows")).hasSize(2);
        assertThat(first.get("next")).isNotNull();
        Map<?, ?> second = page("/api/themes/ops/tables/per_day/rows?limit=2", (String) first.get("next"));
        assertThat((List<?>) second.get("rows")).hasSize(1);
        assertThat(second.get("next")).isNull();
        Map<?, ?> last = (Map<?, ?>) ((List<?>) second.get("rows")).get(0);
        assertThat(last.get("day")).isEqualTo("2026-11-24T16:00:00Z");

        Map<?, ?> byCount = page("/api/themes/ops/tables/per_day/rows?limit=2&sort=alarms&order=desc&offset=2", null);
        assertThat((List<?>) byCount.get("rows")).hasSize(1);
        mvc.perform(get("/api/themes/ops/tables/per_day/rows")
                        .param("sort", "alarms")
                        .param("after", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("after"));
        mvc.perform(get("/api/themes/ops/tables/per_day/rows").param("limit", "1001"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/api/themes/ops/tables/per_day/rows").param("town", "x"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/themes/ops/tables/per_day/rows").param("alarms", "many"))
                .andExpect(status().isBadRequest());
    }

    Map<?, ?> page(String uri, String after) throws Exception {
        var request = get(uri);
        if (after != null) {
            request = request.param("after", after);
        }
        String body = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readValue(body, Map.class);
    }

    @Test
    void aTownReaderSeesOnlyItsTownsRows() throws Exception {
        f.themes.define(ThemeFixture.STEWARD, draft(perDay()));
        current[0] = ThemeFixture.TOWN;
        mvc.perform(get("/api/themes/ops/tables/per_day/rows"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.length()").value(1))
                .andExpect(jsonPath("$.rows[0].division").value(TOWN1));
        mvc.perform(get("/api/themes/ops/tables/per_day/rows").param("division", TOWN2))
                .andExpect(jsonPath("$.rows.length()").value(0));
        // Reading is not defining.
        mvc.perform(post("/api/themes/ops/refresh")).andExpect(status().isForbidden());
        assertThatThrownBy(() -> f.themes.define(ThemeFixture.OUTSIDER, draft(perDay())))
                .isInstanceOf(AccessDenied.class);
    }

    @Test
    void aFailingRefreshKeepsTheLastRowsIsRecordedAndDoesNotStopTheOthers() throws Exception {
        f.themes.define(ThemeFixture.STEWARD, draft(perDay(), byRule()));
        f.alarm("a6", "r1", "YELLOW", TOWN2, DAY2);
        List<ThemeRefresh> done = f.themes.refresh(ThemeFixture.STEWARD, "ops");
        assertThat(done).extracting(ThemeRefresh::outcome).containsExactly(Outcome.OK, Outcome.FAILED);
        assertThat(done.get(1).error()).contains("duplicate");
        assertThat(done.get(0).rows()).isEqualTo(4);
        mvc.perform(get("/api/themes/ops/tables/by_rule/rows"))
                .andExpect(jsonPath("$.rows.length()").value(4))
                .andExpect(jsonPath("$.rows[0].severity").value("RED"));
        mvc.perform(get("/api/themes/ops"))
                .andExpect(jsonPath("$.tables[1].lastRefresh.outcome").value("FAILED"));
    }

    @Test
    void theScheduleRefreshesWhatIsDueByTheClockOnly() {
        f.themes.define(ThemeFixture.STEWARD, draft(perDay()));
        f.schedule().runOnce();
        assertThat(f.themes.refreshes(ThemeFixture.STEWARD, "ops", 10)).hasSize(1);
        f.clock.advance(Duration.ofMinutes(61));
        f.alarm("a7", "r7", "RED", TOWN1, DAY2);
        f.schedule().runOnce();
        List<ThemeRefresh> refreshes = f.themes.refreshes(ThemeFixture.STEWARD, "ops", 10);
        assertThat(refreshes).hasSize(2);
        assertThat(refreshes.get(0).trigger()).isEqualTo(Trigger.SCHEDULE);
        assertThat(refreshes.get(0).rows()).isEqualTo(4);
        f.schedule().runOnce();
        assertThat(f.themes.refreshes(ThemeFixture.STEWARD, "ops", 10)).hasSize(2);
        // A paused theme is refreshed on demand only; the unchanged table keeps its view and rows.
        ThemeDraft paused =
                new ThemeDraft("ops", "运行", "Operation", "告警", "ecology", "PT1H", "paused", List.of(perDay()));
        f.themes.change(ThemeFixture.STEWARD, "ops", 1, paused);
        f.clock.advance(Duration.ofHours(2));
        f.schedule().runOnce();
        assertThat(f.themes.refreshes(ThemeFixture.STEWARD, "ops", 10)).hasSize(2);
    }

    @Test
    void whileAnotherNodeRefreshesAViewThisOneReportsBusyAndRecordsNothing() throws Exception {
        f.themes.define(ThemeFixture.STEWARD, draft(perDay()));
        try (Connection other = f.database.dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.execute("SELECT pg_advisory_xact_lock(hashtextextended('theme:theme_ops_per_day', 20261126))");
            }
            assertThat(f.themes.refresh(ThemeFixture.STEWARD, "ops"))
                    .extracting(ThemeRefresh::outcome)
                    .containsExactly(Outcome.BUSY);
            other.rollback();
        }
        assertThat(f.themes.refreshes(ThemeFixture.STEWARD, "ops", 10)).hasSize(1);
        assertThat(f.themes.refresh(ThemeFixture.STEWARD, "ops"))
                .extracting(ThemeRefresh::outcome)
                .containsExactly(Outcome.OK);
    }

    @Test
    void aChangeNeedsTheCurrentVersionAndRebuildsOnlyChangedTables() throws Exception {
        f.themes.define(ThemeFixture.STEWARD, draft(perDay()));
        TableSpec red = new TableSpec(
                "red",
                null,
                "alerting.alarms",
                List.of(new ColumnSpec("alarm_id", "alarm", null, null, null)),
                List.of(new FilterSpec("severity", "eq", "RED", null)),
                null,
                List.of("alarm"));
        String body = json.writeValueAsString(draft(perDay(), red));
        mvc.perform(put("/api/themes/ops")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/themes/ops")
                        .header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.tables[1].lastRefresh.rows").value(3))
                .andExpect(jsonPath("$.tables[0].lastRefresh.version").value(1));
        mvc.perform(put("/api/themes/ops")
                        .header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(draft(red))))
                .andExpect(status().isConflict());
        f.themes.change(ThemeFixture.STEWARD, "ops", 2, draft(red));
        assertThat(f.jdbc.sql("SELECT to_regclass('theme_ops_per_day') IS NULL")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(f.jdbc.sql("SELECT count(*) FROM catalog_theme_version WHERE code = 'ops'")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void aBadSpecIsA400NamingEachPositionAndABadKeyIsFoundAtSave() throws Exception {
        String body = """
                {"code":"ops","nameZh":"运行","nameEn":"Operation","ownerDepartment":"ecology","refreshInterval":"PT1H",
                 "tables":[{"name":"t","source":"alerting.alarms","key":["n"],
                   "columns":[{"column":"severity","as":"n"},{"column":"severity","as":"m","aggregate":"avg"}],
                   "filters":[{"column":"raised_at","op":"gt","value":"yesterday"}]}]}
                """;
        mvc.perform(post("/api/themes").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.errors[*].field", hasItems("tables[0].columns[1].aggregate", "tables[0].filters[0].value")));
        f.alarm("a8", "r1", "RED", TOWN1, DAY2);
        assertThatThrownBy(() -> f.themes.define(ThemeFixture.STEWARD, draft(byRule())))
                .isInstanceOf(org.cityos.kernel.problem.InvalidInput.class)
                .satisfies(e -> assertThat(((org.cityos.kernel.problem.InvalidInput) e)
                                .fieldIssues()
                                .get(0)
                                .field())
                        .isEqualTo("tables[0].key"));
        assertThat(f.jdbc.sql("SELECT count(*) FROM catalog_theme")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(f.jdbc.sql("SELECT to_regclass('theme_ops_by_rule') IS NULL")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void anInjectionAttemptInAFilterValueIsJustAValue() {
        String attack = "x'); DROP TABLE catalog_theme; --";
        String backslash = "a\\'; DROP TABLE catalog_theme; --";
        for (String nasty : List.of(attack, backslash, "it's", "\\\\'")) {
            assertThat(f.jdbc.sql("SELECT quote_literal(?)")
                            .param(nasty)
                            .query(String.class)
                            .single())
                    .isEqualTo(Literals.quote(nasty));
        }
        f.alarm("a9", attack, "RED", TOWN1, DAY2);
        TableSpec hits = new TableSpec(
                "hits",
                null,
                "alerting.alarms",
                List.of(new ColumnSpec("alarm_id", "alarm", null, null, null)),
                List.of(
                        new FilterSpec("rule_name", "in", null, List.of(attack, backslash)),
                        new FilterSpec("division", "ne", backslash, null)),
                null,
                List.of("alarm"));
        Theme theme = f.themes.define(ThemeFixture.STEWARD, draft(hits));
        assertThat(theme.tables().get(0).lastRefresh().rows()).isEqualTo(1);
        assertThat(f.jdbc.sql("SELECT alarm FROM theme_ops_hits")
                        .query(String.class)
                        .list())
                .containsExactly("a9");
        assertThat(f.jdbc.sql("SELECT count(*) FROM catalog_theme")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
