package org.cityos.casework;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.cityos.audit.AuditTrail;
import org.cityos.audit.persistence.AuditRecordStore;
import org.cityos.casework.internal.categories.CategoryCatalog;
import org.cityos.casework.internal.categories.CategorySeed;
import org.cityos.casework.internal.categories.CategorySuggester;
import org.cityos.casework.persistence.CategoryRepository;
import org.cityos.casework.web.CategoryController;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.cityos.kernel.access.Role;
import org.cityos.testkit.ContextFixture;
import org.cityos.testkit.FixedActorResolver;
import org.cityos.testkit.JdbcWiring;
import org.cityos.testkit.MutableClock;
import org.cityos.testkit.ProblemMvc;
import org.cityos.testkit.TestDatabase;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The category beans as Spring wires them (transactions, properties, the seed) over a fresh database with the audit
 * and casework tables, a clock the tests hold, and the model trained only when a test says so.
 */
final class CategoryFixture implements AutoCloseable {
    static final DivisionCode DISTRICT = DivisionCode.of("110115000000");
    static final Actor OPERATOR = actor("operator", Role.OPERATOR);
    static final Actor GRID_WORKER = actor("grid-worker", Role.GRID_WORKER);
    static final Actor AUDITOR = actor("auditor", Role.AUDITOR);

    final MutableClock clock = MutableClock.at("2026-11-25T08:00:00Z");
    final TestDatabase database =
            TestDatabase.migrated(4, "classpath:db/migration/audit", "classpath:db/migration/casework");
    final JdbcClient jdbc = database.jdbc();
    final AnnotationConfigApplicationContext context;
    final Categories categories;
    final CategorySeed seed;

    CategoryFixture() {
        context = ContextFixture.over(database.dataSource())
                .bean(Clock.class, clock)
                .properties(Map.of("cityos.casework.categories.scheduled", "false"))
                .start(Wiring.class);
        categories = context.getBean(Categories.class);
        seed = context.getBean(CategorySeed.class);
    }

    static Actor actor(String id, Role role) {
        return new Actor(id, ActorKind.USER, id, Set.of(role), List.of(DISTRICT), Set.of(), false);
    }

    /** Loads the seed file as the first start does. */
    CategoryFixture seeded() throws Exception {
        seed.run(null);
        return this;
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** A past case filed under {@code category}, received {@code minutesAgo} before the fixture's clock. */
    void pastCase(String category, String title, String content, int minutesAgo) {
        long n = count("SELECT nextval('casework_case_number')");
        Instant at = clock.instant().minusSeconds(60L * minutesAgo);
        jdbc.sql("INSERT INTO casework_case (id, number, channel, request_type, title, content, category_code,"
                        + " urgency, status, received_at, updated_at) VALUES (?, ?, 'HOTLINE', 'COMPLAINT', ?, ?, ?,"
                        + " 'ROUTINE', 'CLOSED', ?, ?)")
                .params(
                        CaseId.random().value(),
                        "T" + n,
                        title,
                        content,
                        category,
                        Timestamp.from(at),
                        Timestamp.from(at))
                .update();
    }

    MockMvc mvc(Actor[] current) {
        return ProblemMvc.standalone(
                context.getBean(MessageSource.class),
                FixedActorResolver.of(current),
                context.getBean(CategoryController.class));
    }

    @Override
    public void close() {
        context.close();
        database.close();
    }

    @Configuration(proxyBeanMethods = false)
    @Import({
        JdbcWiring.class,
        CategoryConfiguration.class,
        CategoryRepository.class,
        CategoryCatalog.class,
        CategorySuggester.class,
        CategorySeed.class,
        Categories.class,
        CategoryController.class
    })
    static class Wiring {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        MessageSource messageSource() {
            return ProblemMvc.messages("i18n/casework-categories/messages");
        }

        @Bean
        AuditTrail auditTrail(DataSource dataSource, Clock clock) {
            // Only recording is exercised here; chaining and verification are the audit module's tests.
            return new AuditTrail(
                    new AuditRecordStore(dataSource, JsonMapper.builder().build()), null, null, null, null, clock);
        }
    }
}
