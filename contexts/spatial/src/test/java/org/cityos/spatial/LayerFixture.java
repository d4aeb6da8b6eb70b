package org.cityos.spatial;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.cityos.audit.AuditTrail;
import org.cityos.audit.persistence.AuditRecordStore;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.cityos.kernel.access.Role;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.event.EventConsumer;
import org.cityos.spatial.internal.layers.LayerPointCache;
import org.cityos.spatial.persistence.LayerFeatureRepository;
import org.cityos.spatial.persistence.LayerRepository;
import org.cityos.spatial.web.LayerController;
import org.cityos.spatial.web.LayerFeatureController;
import org.cityos.spatial.web.OgcController;
import org.cityos.testkit.ContextFixture;
import org.cityos.testkit.FixedActorResolver;
import org.cityos.testkit.MutableClock;
import org.cityos.testkit.ProblemMvc;
import org.cityos.testkit.TestDatabase;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import tools.jackson.databind.json.JsonMapper;

/**
 * The layers beans in a small Spring context (so {@code @Transactional} is real) over a fresh
 * migrated database, with the audit trail writing real rows, events recorded, and the controllers
 * on MockMvc with CityOS's problem handling; the acting {@link Actor} is whoever the test says.
 */
final class LayerFixture implements AutoCloseable {
    static final DepartmentCode ECOLOGY = DepartmentCode.of("ecology");
    static final DepartmentCode EMERGENCY = DepartmentCode.of("emergency");
    static final DepartmentCode TRANSPORT = DepartmentCode.of("transport");
    static final Actor STEWARD = actor("steward", Role.DATA_STEWARD, ECOLOGY);
    static final Actor ADMIN = actor("admin", Role.SYSTEM_ADMIN);

    final MutableClock clock = MutableClock.at("2026-11-24T02:00:00Z");
    final RecordingEvents events = new RecordingEvents();
    final JsonMapper json = JsonMapper.builder().build();
    final TestDatabase database = TestDatabase.migrated(6);
    final HikariDataSource dataSource = database.dataSource();
    final JdbcClient jdbc = database.jdbc();
    final AnnotationConfigApplicationContext context;
    final Layers layers;
    final LayerQueries queries;
    private Actor current;

    LayerFixture() {
        context = ContextFixture.over(dataSource)
                .bean(Clock.class, clock)
                .bean(EventBus.class, events)
                .bean(JsonMapper.class, json)
                .start(Wiring.class);
        layers = context.getBean(Layers.class);
        queries = context.getBean(LayerQueries.class);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    @Import({
        Layers.class,
        LayerQueries.class,
        LayerRepository.class,
        LayerFeatureRepository.class,
        LayerPointCache.class,
        LayerController.class,
        LayerFeatureController.class,
        OgcController.class
    })
    static class Wiring {
        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }

        @Bean
        AuditTrail auditTrail(DataSource dataSource, JsonMapper json, Clock clock) {
            // Recording needs only the record store; chaining and checkpoints are the audit context's tests.
            return new AuditTrail(new AuditRecordStore(dataSource, json), null, null, null, null, clock);
        }
    }

    static Actor actor(String id, Role role, DepartmentCode... departments) {
        return new Actor(id, ActorKind.USER, id, Set.of(role), List.of(), Set.of(departments), false);
    }

    static LayerDefinition definition(String id, LayerGeometryType type, LayerAccess access, DepartmentCode owner) {
        return new LayerDefinition(
                LayerId.of(id),
                "图层 " + id,
                "Layer " + id,
                "测试图层",
                owner,
                type,
                Map.of("color", "#3388ff", "width", 2),
                LayerUpdateFrequency.DAILY,
                access,
                Set.of(),
                true);
    }

    void actAs(Actor actor) {
        current = actor;
    }

    MockMvc mvc() {
        return ProblemMvc.standalone(
                ProblemMvc.messages("i18n/spatial-layers/messages"),
                new FixedActorResolver(() -> current),
                context.getBean(LayerController.class),
                context.getBean(LayerFeatureController.class),
                context.getBean(OgcController.class));
    }

    /** The audit actions recorded so far, oldest first. */
    List<String> auditActions() {
        return jdbc.sql("SELECT action FROM audit_record ORDER BY id")
                .query(String.class)
                .list();
    }

    @Override
    public void close() {
        context.close();
        database.close();
    }

    /** Remembers published events instead of delivering them. */
    static final class RecordingEvents implements EventBus {
        final List<DomainEvent> published = new ArrayList<>();

        @Override
        public synchronized void publish(DomainEvent event) {
            published.add(event);
        }

        @Override
        public <E extends DomainEvent> void subscribe(String name, Class<E> type, EventConsumer<E> consumer) {}
    }
}
