package org.cityos.catalog.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.cityos.audit.AuditTrail;
import org.cityos.audit.persistence.AuditRecordStore;
import org.cityos.catalog.Catalog;
import org.cityos.catalog.CatalogConfiguration;
import org.cityos.catalog.EntryDraft;
import org.cityos.catalog.EntryDraft.ItemDraft;
import org.cityos.catalog.quality.Quality;
import org.cityos.catalog.quality.QualityConfiguration;
import org.cityos.catalog.theme.TableSpec.ColumnSpec;
import org.cityos.identity.Departments;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.testkit.ContextFixture;
import org.cityos.testkit.JdbcWiring;
import org.cityos.testkit.MutableClock;
import org.cityos.testkit.RecordingEventBus;
import org.cityos.testkit.TestDatabase;
import org.cityos.testkit.ThrowawayDirectories;
import org.cityos.workflow.WorkflowConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/** Rows uploaded for a catalogue entry are a theme source: typed by the entry's items, personal ones left out. */
class ImportedThemeIT {
    static final String CODE = "2-01-001-0001";
    static final String SOURCE = "imported:" + CODE;
    final MutableClock clock = MutableClock.at("2026-11-26T08:00:00Z");
    TestDatabase database;
    AnnotationConfigApplicationContext context;
    Themes themes;
    Quality quality;

    @BeforeEach
    void start() throws Exception {
        database = TestDatabase.migrated(
                4, "classpath:db/migration/audit", "classpath:db/migration/workflow", "classpath:db/migration/catalog");
        Departments departments = mock(Departments.class);
        when(departments.exists(any()))
                .thenAnswer(i -> ThemeFixture.DEPARTMENTS.contains(((DepartmentCode) i.getArgument(0)).value()));
        context = ContextFixture.over(database.dataSource())
                .bean(Clock.class, clock)
                .bean(EventBus.class, new RecordingEventBus())
                .bean(Departments.class, departments)
                .properties(Map.of(
                        "cityos.catalog.signing-key-file",
                        ThrowawayDirectories.create("theme-ledger-key")
                                .resolve("ledger.key")
                                .toString(),
                        "cityos.catalog.chain-interval",
                        "1h",
                        "cityos.catalog.quality.schedule-enabled",
                        "false",
                        "cityos.catalog.theme.schedule-enabled",
                        "false",
                        "cityos.catalog.theme.builtins",
                        "false",
                        "cityos.workflow.scheduled",
                        "false"))
                .start(Wiring.class);
        themes = context.getBean(Themes.class);
        quality = context.getBean(Quality.class);
        context.getBean(Catalog.class)
                .create(
                        ThemeFixture.STEWARD,
                        new EntryDraft(
                                CODE,
                                "空气质量监测数据",
                                "ecology",
                                "站点逐小时监测数据",
                                "数据库",
                                "无条件共享",
                                null,
                                "不予开放",
                                "每日",
                                "2026-01-15",
                                "王芳",
                                "13812345678",
                                List.of(
                                        new ItemDraft("station_id", "站点编号", "STRING", false),
                                        new ItemDraft("pm25", "PM2.5", "DECIMAL", false),
                                        new ItemDraft("reporter_phone", "上报人电话", "STRING", true))));
    }

    @AfterEach
    void stop() {
        context.close();
        database.close();
    }

    void upload(String csv) {
        quality.importRows(ThemeFixture.STEWARD, CODE, csv.getBytes(StandardCharsets.UTF_8));
    }

    static ThemeDraft perStation(String column) {
        return new ThemeDraft(
                "air",
                "空气",
                "Air",
                null,
                "ecology",
                "PT1H",
                null,
                List.of(new TableSpec(
                        "stations",
                        null,
                        SOURCE,
                        List.of(
                                new ColumnSpec(column, "station", null, null, null),
                                new ColumnSpec("pm25", "pm25", "avg", null, null),
                                new ColumnSpec(null, "readings", "count", null, null)),
                        List.of(),
                        null,
                        List.of("station"))));
    }

    @Test
    void uploadedRowsAreATypedSourceWithoutPersonalItems() {
        upload("station_id,pm25,reporter_phone\nS1,35,13812345678\nS2,40,13912345678\nS1,n/a,13712345678\n");
        ThemeSource source = themes.sources(ThemeFixture.STEWARD).stream()
                .filter(s -> s.name().equals(SOURCE))
                .findFirst()
                .orElseThrow();
        assertThat(source.columns())
                .containsOnlyKeys("row_no", "station_id", "pm25")
                .containsEntry("pm25", ColumnType.NUMBER);
        assertThatThrownBy(() -> themes.define(ThemeFixture.STEWARD, perStation("reporter_phone")))
                .isInstanceOf(InvalidInput.class);

        themes.define(ThemeFixture.STEWARD, perStation("station_id"));
        RowPage page =
                themes.rows(ThemeFixture.STEWARD, "air", "stations", new RowQuery(Map.of(), null, false, null, 0, 10));
        assertThat(page.rows()).hasSize(2);
        assertThat(page.rows().get(0)).containsEntry("station", "S1").containsEntry("readings", 2L);
        assertThat(((Number) page.rows().get(0).get("pm25")).doubleValue()).isEqualTo(35.0);

        upload("station_id,pm25,reporter_phone\nS3,10,13812345678\n");
        assertThat(themes.refresh(ThemeFixture.STEWARD, "air"))
                .extracting(ThemeRefresh::rows)
                .containsExactly(1L);
        assertThat(themes.rows(
                                ThemeFixture.STEWARD,
                                "air",
                                "stations",
                                new RowQuery(Map.of(), null, false, null, 0, 10))
                        .rows())
                .extracting(r -> r.get("station"))
                .containsExactly("S3");
    }

    @Configuration(proxyBeanMethods = false)
    @Import({
        JdbcWiring.class,
        WorkflowConfiguration.class,
        CatalogConfiguration.class,
        QualityConfiguration.class,
        ThemeConfiguration.class
    })
    static class Wiring {
        @Bean
        AuditTrail auditTrail(DataSource dataSource, Clock clock) {
            return new AuditTrail(
                    new AuditRecordStore(dataSource, JsonMapper.builder().build()), null, null, null, null, clock);
        }
    }
}
