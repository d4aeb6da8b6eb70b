package org.cityos.catalog.theme;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.cityos.audit.AuditTrail;
import org.cityos.audit.persistence.AuditRecordStore;
import org.cityos.catalog.theme.web.ThemeController;
import org.cityos.identity.Departments;
import org.cityos.jobs.PeriodicJob;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.cityos.kernel.access.Role;
import org.cityos.testkit.ContextFixture;
import org.cityos.testkit.FixedActorResolver;
import org.cityos.testkit.JdbcWiring;
import org.cityos.testkit.MutableClock;
import org.cityos.testkit.ProblemMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Themes as Spring wires them over a fresh database ({@link ThemeDatabase}), with a clock the tests hold, and
 * the schedule and built-in seeding off (tests run them by hand).
 */
final class ThemeFixture implements AutoCloseable {
    static final Set<String> DEPARTMENTS = Set.of("ecology", "economy-it", "market-regulation");
    static final Actor STEWARD =
            actor("steward", Set.of(Role.DATA_STEWARD), Set.of("ecology"), List.of("110115000000"));
    static final Actor TOWN = actor("town-reader", Set.of(Role.AUDITOR), Set.of(), List.of("110115001000"));
    static final Actor OUTSIDER = actor("steward-2", Set.of(Role.DATA_STEWARD), Set.of("transport"), List.of());

    final MutableClock clock = MutableClock.at("2026-11-26T08:00:00Z");
    final ThemeDatabase database = ThemeDatabase.copy();
    final AnnotationConfigApplicationContext context;
    final Themes themes;
    final JdbcClient jdbc;

    ThemeFixture() {
        Departments departments = mock(Departments.class);
        when(departments.exists(any()))
                .thenAnswer(i -> DEPARTMENTS.contains(((DepartmentCode) i.getArgument(0)).value()));
        context = ContextFixture.over(database.dataSource())
                .bean(Clock.class, clock)
                .bean(Departments.class, departments)
                .properties(Map.of(
                        "cityos.catalog.theme.schedule-enabled", "false",
                        "cityos.catalog.theme.builtins", "false"))
                .start(Wiring.class);
        themes = context.getBean(Themes.class);
        jdbc = database.jdbc();
    }

    static Actor actor(String id, Set<Role> roles, Set<String> departments, List<String> divisions) {
        return new Actor(
                id,
                ActorKind.USER,
                id,
                roles,
                divisions.stream().map(DivisionCode::of).toList(),
                departments.stream().map(DepartmentCode::of).collect(Collectors.toSet()),
                false);
    }

    PeriodicJob schedule() {
        return context.getBean("themeSchedule", PeriodicJob.class);
    }

    void alarm(String id, String rule, String severity, String division, Instant raised) {
        jdbc.sql("INSERT INTO alerting_alarm (id, rule_id, rule_version, rule_name, kind, severity, subject, division,"
                        + " title, status, raised_at, last_seen_at, acknowledged_by) VALUES (?, ?, 1, ?, 'THRESHOLD', ?,"
                        + " ?, ?, 'title', 'RAISED', ?, ?, '张三')")
                .params(
                        id,
                        rule,
                        rule,
                        severity,
                        id,
                        division,
                        raised.atOffset(java.time.ZoneOffset.UTC),
                        raised.atOffset(java.time.ZoneOffset.UTC))
                .update();
    }

    MockMvc mvc(Actor[] current) {
        return ProblemMvc.standalone(
                context.getBean(MessageSource.class),
                FixedActorResolver.of(current),
                context.getBean(ThemeController.class));
    }

    @Override
    public void close() {
        context.close();
        database.close();
    }

    @Configuration(proxyBeanMethods = false)
    @Import({JdbcWiring.class, ThemeConfiguration.class, ThemeController.class})
    static class Wiring {
        @Bean
        MessageSource messageSource() {
            return ProblemMvc.messages("i18n/catalog/messages", "i18n/catalog-theme/messages");
        }

        @Bean
        AuditTrail auditTrail(DataSource dataSource, Clock clock) {
            return new AuditTrail(
                    new AuditRecordStore(dataSource, JsonMapper.builder().build()), null, null, null, null, clock);
        }
    }
}
