package org.cityos.catalog.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cityos.catalog.theme.ThemeRefresh.Outcome;
import org.cityos.kernel.access.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The built-in themes are seeded once, refresh on an empty and a filled database, and carry nothing personal. */
class BuiltinThemesIT {
    static final Actor SYSTEM = Actor.system("test");
    ThemeFixture f;
    BuiltinThemes builtins;

    @BeforeEach
    void start() {
        f = new ThemeFixture();
        builtins = f.context.getBean(BuiltinThemes.class);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void theyAreSeededOnceWithEveryTableAndRefreshOnAnEmptyDatabase() {
        assertThat(builtins.seed()).containsExactly("cityops", "credit");
        assertThat(builtins.seed()).isEmpty();
        Map<String, Theme> themes = f.themes.list(SYSTEM).stream().collect(Collectors.toMap(Theme::code, t -> t));
        assertThat(themes.get("cityops").nameZh()).isEqualTo("城市运行");
        assertThat(themes.get("cityops").builtin()).isTrue();
        assertThat(themes.get("cityops").tables())
                .extracting(Theme.ThemeTable::name)
                .containsExactly("cases_daily", "alarms_daily", "devices", "air_hourly");
        assertThat(themes.get("credit").tables())
                .extracting(Theme.ThemeTable::name)
                .containsExactly("organisations_by_industry", "organisations");
        for (String code : List.of("cityops", "credit")) {
            assertThat(f.themes.refresh(SYSTEM, code)).allSatisfy(r -> {
                assertThat(r.outcome()).isEqualTo(Outcome.OK);
                assertThat(r.rows()).isZero();
            });
        }
    }

    @Test
    void theyRefreshOverAFilledDatabase() {
        builtins.seed();
        fill();
        Map<String, Long> rows = refreshAll();
        assertThat(rows)
                .containsEntry("cases_daily", 2L)
                .containsEntry("alarms_daily", 1L)
                .containsEntry("devices", 2L)
                .containsEntry("air_hourly", 1L)
                .containsEntry("organisations_by_industry", 2L)
                .containsEntry("organisations", 2L);
        RowPage cases =
                f.themes.rows(SYSTEM, "cityops", "cases_daily", new RowQuery(Map.of(), "cases", true, null, 0, 10));
        assertThat(cases.rows().get(0))
                .containsEntry("division", "110115001001")
                .containsEntry("category", "unclassified")
                .containsEntry("cases", 2L)
                .containsEntry("overdue", 1L);
        RowPage air = f.themes.rows(SYSTEM, "cityops", "air_hourly", new RowQuery(Map.of(), null, false, null, 0, 10));
        assertThat(air.rows().get(0)).containsEntry("property", "pm25").containsEntry("stations", 1L);
        assertThat(((Number) air.rows().get(0).get("average")).doubleValue()).isEqualTo(35.0);
    }

    @Test
    void noSourceThemesReadCarriesPersonalColumns() {
        List<String> columns = f.themes.sources(SYSTEM).stream()
                .flatMap(s -> s.columns().keySet().stream().map(c -> s.name() + "." + c))
                .toList();
        assertThat(columns).contains("basedata.people.counts.people", "basedata.organisations.credit_code");
        assertThat(columns)
                .noneMatch(c -> c.matches(".*(id_number|phone|caller|maintainer|legal_representative|birth_date"
                        + "|_by|content|reply|household|residence_text).*"));
        assertThat(columns)
                .filteredOn(c -> c.endsWith(".name"))
                .containsOnly("basedata.organisations.name", "iot.devices.name");
    }

    private Map<String, Long> refreshAll() {
        return List.of("cityops", "credit").stream()
                .flatMap(code -> f.themes.refresh(SYSTEM, code).stream())
                .peek(r ->
                        assertThat(r.outcome()).as(r.table() + ": " + r.error()).isEqualTo(Outcome.OK))
                .collect(Collectors.toMap(ThemeRefresh::table, ThemeRefresh::rows));
    }

    private void fill() {
        String now = "now()";
        f.jdbc.sql("INSERT INTO casework_case (id, number, channel, request_type, title, content, urgency, status,"
                        + " division_code, caller_name, caller_phone, received_at, updated_at, resolution_overdue)"
                        + " VALUES ('c1', 'N1', 'HOTLINE', 'COMPLAINT', 't', '内容', 'NORMAL', 'OPEN', '110115001001',"
                        + " '李四', '13800000000', " + now + " - interval '1 day', " + now + ", true),"
                        + " ('c2', 'N2', 'HOTLINE', 'COMPLAINT', 't', '内容', 'NORMAL', 'OPEN', '110115001001', null,"
                        + " null, " + now + " - interval '1 day', " + now + ", false),"
                        + " ('c3', 'N3', 'GRID', 'REPORT', 't', '内容', 'NORMAL', 'OPEN', '110115002001', null, null,"
                        + " " + now + " - interval '1 day', " + now + ", false)")
                .update();
        f.jdbc.sql("INSERT INTO alerting_alarm (id, rule_id, rule_version, rule_name, kind, severity, subject,"
                        + " division, title, status, raised_at, last_seen_at) VALUES ('al1', 'r1', 1, 'r', 'THRESHOLD',"
                        + " 'RED', 's', '110115001001', 't', 'RAISED', now(), now())")
                .update();
        f.jdbc.sql("INSERT INTO iot_device_type (code, name_zh, name_en, domain, definition, created_at, updated_at)"
                        + " VALUES ('air-quality-station', '空气站', 'Air station', 'environment', '{}', now(), now())"
                        + " ON CONFLICT (code) DO NOTHING")
                .update();
        f.jdbc.sql("INSERT INTO iot_device (id, type_code, name, lon, lat, position, division, department, state,"
                        + " maintainer_name, maintainer_phone, created_at, updated_at) VALUES"
                        + " ('d1', 'air-quality-station', '一号站', 116.3, 39.7, point(116.3, 39.7), '110115001001',"
                        + " 'ecology', 'ACTIVE', '王五', '13900000000', now(), now()),"
                        + " ('d2', 'air-quality-station', '二号站', 116.4, 39.7, point(116.4, 39.7), '110115002001',"
                        + " 'ecology', 'ACTIVE', null, null, now(), now())")
                .update();
        f.jdbc.sql("INSERT INTO iot_telemetry_1h (device_id, property, bucket, n, total, lo, hi) VALUES"
                        + " ('d1', 'pm25', date_trunc('hour', now()) - interval '1 hour', 2, 70, 30, 40),"
                        + " ('d1', 'temperature', date_trunc('hour', now()) - interval '1 hour', 2, 40, 19, 21)")
                .update();
        f.jdbc.sql("INSERT INTO basedata_organisation (id, credit_code, name, legal_representative, industry, status,"
                        + " address_division, sources, synthetic, lineage, resolved_at) VALUES"
                        + " (1, '91110115MA00000001', '大兴示例科技有限公司', '赵六', '软件', '存续', '110115001001', 1,"
                        + " true, '[]', now()),"
                        + " (2, '91110115MA00000002', '大兴示例物流有限公司', '钱七', '物流', '存续', null, 1, true,"
                        + " '[]', now())")
                .update();
    }
}
