package org.cityos.catalog.quality;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.cityos.audit.AuditTrail;
import org.cityos.audit.persistence.AuditRecordStore;
import org.cityos.catalog.Catalog;
import org.cityos.catalog.CatalogConfiguration;
import org.cityos.catalog.CatalogEntry;
import org.cityos.catalog.EntryDraft;
import org.cityos.catalog.EntryDraft.ItemDraft;
import org.cityos.catalog.quality.web.QualityController;
import org.cityos.identity.Departments;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.cityos.kernel.access.Role;
import org.cityos.kernel.event.EventBus;
import org.cityos.testkit.ContextFixture;
import org.cityos.testkit.FixedActorResolver;
import org.cityos.testkit.JdbcWiring;
import org.cityos.testkit.MutableClock;
import org.cityos.testkit.ProblemMvc;
import org.cityos.testkit.RecordingEventBus;
import org.cityos.testkit.TestDatabase;
import org.cityos.testkit.ThrowawayDirectories;
import org.cityos.workflow.WorkflowConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Catalogue and quality as Spring wires them over a fresh embedded PostgreSQL, with a clock the tests hold, a
 * recording event bus, departments {@code ecology} and {@code transport}, and the schedule off (tests call
 * {@link Quality#runDue} as the schedule would).
 */
final class QualityFixture implements AutoCloseable {
    static final Set<String> DEPARTMENTS = Set.of("ecology", "transport");
    static final Actor STEWARD = actor("steward", Set.of(Role.DATA_STEWARD), Set.of("ecology"));
    static final Actor OTHER_STEWARD = actor("steward-2", Set.of(Role.DATA_STEWARD), Set.of("transport"));
    static final Actor AUDITOR = actor("auditor", Set.of(Role.AUDITOR), Set.of());

    final MutableClock clock = MutableClock.at("2026-11-26T08:00:00Z");
    final TestDatabase database = TestDatabase.migrated(
            4, "classpath:db/migration/audit", "classpath:db/migration/workflow", "classpath:db/migration/catalog");
    final RecordingEventBus events = new RecordingEventBus();
    final Path keyDir;
    final AnnotationConfigApplicationContext context;
    final Catalog catalog;
    final Quality quality;

    QualityFixture() throws Exception {
        keyDir = ThrowawayDirectories.create("quality-ledger-key");
        Departments departments = mock(Departments.class);
        when(departments.exists(any()))
                .thenAnswer(i -> DEPARTMENTS.contains(((DepartmentCode) i.getArgument(0)).value()));
        context = ContextFixture.over(database.dataSource())
                .bean(Clock.class, clock)
                .bean(EventBus.class, events)
                .bean(Departments.class, departments)
                .properties(Map.of(
                        "cityos.catalog.signing-key-file",
                        keyDir.resolve("ledger.key").toString(),
                        "cityos.catalog.chain-interval",
                        "1h",
                        "cityos.catalog.quality.schedule-enabled",
                        "false",
                        // The catalogue's sharing decides on the workflow engine; its timers stay off here.
                        "cityos.workflow.scheduled",
                        "false"))
                .start(Wiring.class);
        catalog = context.getBean(Catalog.class);
        quality = context.getBean(Quality.class);
    }

    static Actor actor(String id, Set<Role> roles, Set<String> departments) {
        return new Actor(
                id,
                ActorKind.USER,
                id,
                roles,
                List.of(),
                departments.stream().map(DepartmentCode::of).collect(java.util.stream.Collectors.toSet()),
                false);
    }

    /** An ecology resource (daily) with a station, a reading, a department code and a personal phone. */
    CatalogEntry create(String code, String department, Actor actor) {
        return catalog.create(
                actor,
                new EntryDraft(
                        code,
                        "空气质量监测数据",
                        department,
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
                                new ItemDraft("dept", "部门", "STRING", false),
                                new ItemDraft("reporter_phone", "上报人电话", "STRING", true))));
    }

    List<QualityFailed> failures() {
        return events.published().stream()
                .filter(QualityFailed.class::isInstance)
                .map(QualityFailed.class::cast)
                .toList();
    }

    MockMvc mvc(Actor[] current) {
        return ProblemMvc.standalone(
                context.getBean(MessageSource.class),
                FixedActorResolver.of(current),
                context.getBean(QualityController.class));
    }

    @Override
    public void close() {
        context.close();
        database.close();
    }

    @Configuration(proxyBeanMethods = false)
    @Import({
        JdbcWiring.class,
        WorkflowConfiguration.class,
        CatalogConfiguration.class,
        QualityConfiguration.class,
        QualityController.class
    })
    static class Wiring {
        @Bean
        MessageSource messageSource() {
            return ProblemMvc.messages("i18n/catalog/messages", "i18n/catalog-quality/messages");
        }

        @Bean
        AuditTrail auditTrail(DataSource dataSource, Clock clock) {
            return new AuditTrail(
                    new AuditRecordStore(dataSource, JsonMapper.builder().build()), null, null, null, null, clock);
        }
    }
}
