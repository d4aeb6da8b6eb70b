package org.cityos.catalog;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.cityos.audit.AuditTrail;
import org.cityos.audit.persistence.AuditRecordStore;
import org.cityos.catalog.EntryDraft.ItemDraft;
import org.cityos.catalog.web.CatalogController;
import org.cityos.catalog.web.LedgerController;
import org.cityos.catalog.web.ShareController;
import org.cityos.catalog.web.SharedDataController;
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
import org.cityos.workflow.Timers;
import org.cityos.workflow.WorkflowConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue as Spring wires it over a fresh embedded PostgreSQL with the audit and catalogue tables, a
 * clock the tests hold, a recording event bus, departments {@code ecology}, {@code transport} and {@code
 * civil-affairs}, and a ledger key in a temporary directory.
 */
final class CatalogFixture implements AutoCloseable {
    static final Set<String> DEPARTMENTS = Set.of("ecology", "transport", "civil-affairs");
    /** A steward of the ecology department. */
    static final Actor STEWARD = actor("steward", Set.of(Role.DATA_STEWARD), Set.of("ecology"));
    /** A steward of transport only. */
    static final Actor OTHER_STEWARD = actor("steward-2", Set.of(Role.DATA_STEWARD), Set.of("transport"));
    /** A steward who may also see personal data unmasked. */
    static final Actor UNMASKER =
            actor("admin", Set.of(Role.DATA_STEWARD, Role.SYSTEM_ADMIN), Set.of("ecology", "transport"));
    /** Reads the catalogue and nothing else. */
    static final Actor AUDITOR = actor("auditor", Set.of(Role.AUDITOR), Set.of());
    /** Has no catalogue permission at all. */
    static final Actor GRID_WORKER = actor("grid", Set.of(Role.GRID_WORKER), Set.of());

    final MutableClock clock = MutableClock.at("2026-11-26T08:00:00Z");
    final TestDatabase database = TestDatabase.migrated(
            4, "classpath:db/migration/audit", "classpath:db/migration/workflow", "classpath:db/migration/catalog");
    final JdbcClient jdbc = database.jdbc();
    final RecordingEventBus events = new RecordingEventBus();
    final Path keyDir;
    final AnnotationConfigApplicationContext context;
    final Catalog catalog;
    final CatalogFiles files;
    final CatalogLedger ledger;
    final Sharing sharing;
    final Grants grants;
    final SharedData data;
    final Timers timers;

    CatalogFixture() throws Exception {
        keyDir = ThrowawayDirectories.create("catalog-ledger-key");
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
                        // The tests chain by hand (chainNow); a long interval keeps the background out of the way.
                        "cityos.catalog.chain-interval",
                        "1h",
                        // Deadlines fire when a test calls timers.fireDue(), by the clock the test holds.
                        "cityos.workflow.scheduled",
                        "false"))
                .start(Wiring.class);
        catalog = context.getBean(Catalog.class);
        files = context.getBean(CatalogFiles.class);
        ledger = context.getBean(CatalogLedger.class);
        sharing = context.getBean(Sharing.class);
        grants = context.getBean(Grants.class);
        data = context.getBean(SharedData.class);
        timers = context.getBean(Timers.class);
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

    /** A valid draft of an ecology resource with two data items, one personal. */
    static EntryDraft draft(String code, String name) {
        return new EntryDraft(
                code,
                name,
                "ecology",
                "大兴区空气质量监测站点逐小时监测数据，含PM2.5、PM10等污染物浓度",
                "数据库",
                "有条件共享",
                "仅用于环境执法与应急处置",
                "不予开放",
                "实时",
                "2026-01-15",
                "王芳",
                "13812345678",
                List.of(
                        new ItemDraft("station_id", "站点编号", "STRING", false),
                        new ItemDraft("reporter_phone", "上报人电话", "字符型", true)));
    }

    CatalogEntry create(String code, String name) {
        return catalog.create(STEWARD, draft(code, name));
    }

    /** Links everything recorded and lets a checkpoint be due, then signs it. */
    void chainAndSign() {
        clock.advance(Duration.ofSeconds(10));
        ledger.chainNow();
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    MockMvc mvc(Actor[] current) {
        return ProblemMvc.standalone(
                context.getBean(MessageSource.class),
                FixedActorResolver.of(current),
                context.getBean(CatalogController.class),
                context.getBean(LedgerController.class),
                context.getBean(ShareController.class),
                context.getBean(SharedDataController.class));
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
        CatalogController.class,
        LedgerController.class,
        ShareController.class,
        SharedDataController.class
    })
    static class Wiring {
        @Bean
        MessageSource messageSource() {
            return ProblemMvc.messages("i18n/catalog/messages");
        }

        @Bean
        AuditTrail auditTrail(DataSource dataSource, Clock clock) {
            // Only recording is exercised here; the audit chain is the audit module's business.
            return new AuditTrail(
                    new AuditRecordStore(dataSource, JsonMapper.builder().build()), null, null, null, null, clock);
        }
    }
}
