package org.cityos.casework;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.cityos.audit.AuditTrail;
import org.cityos.audit.persistence.AuditRecordStore;
import org.cityos.casework.internal.calendar.CalendarWatch;
import org.cityos.casework.persistence.CalendarDayRepository;
import org.cityos.casework.persistence.DeadlinePolicyRepository;
import org.cityos.casework.web.CalendarController;
import org.cityos.casework.web.DeadlinePolicyController;
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
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calendar and deadline-policy beans as Spring wires them (transactions, the watch's lifecycle) with audit
 * recording, over a fresh database holding the seeded 2026 calendar and default policies. The watch checks every
 * 200 ms so a test sees another node's change without waiting half a minute.
 */
final class CalendarFixture implements AutoCloseable {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final DivisionCode DISTRICT = DivisionCode.of("110115000000");
    static final Actor OPERATOR = actor("operator", Role.OPERATOR);
    static final Actor GRID_WORKER = actor("grid-worker", Role.GRID_WORKER);
    static final Actor STEWARD = actor("steward", Role.DATA_STEWARD);

    final TestDatabase database = TestDatabase.migrated(4);
    final JdbcClient jdbc = database.jdbc();
    final MutableClock clock = MutableClock.at("2026-03-12T02:00:00Z");
    final AnnotationConfigApplicationContext context;
    final WorkingCalendar calendar;
    final CalendarDays days;
    final DeadlinePolicies policies;

    CalendarFixture() {
        context = ContextFixture.over(database.dataSource())
                .bean(MutableClock.class, clock)
                .start(Wiring.class);
        calendar = context.getBean(WorkingCalendar.class);
        days = context.getBean(CalendarDays.class);
        policies = context.getBean(DeadlinePolicies.class);
    }

    static Actor actor(String id, Role role) {
        return new Actor(id, ActorKind.USER, id, Set.of(role), List.of(DISTRICT), Set.of(), true);
    }

    /** A moment in Beijing time, written 2026-10-01T09:00. */
    static Instant bj(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant();
    }

    long audited(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = ?")
                .params(action)
                .query(Long.class)
                .single();
    }

    MockMvc mvc(Actor[] current) {
        return ProblemMvc.standalone(
                messages(),
                FixedActorResolver.of(current),
                context.getBean(CalendarController.class),
                context.getBean(DeadlinePolicyController.class));
    }

    static ResourceBundleMessageSource messages() {
        return ProblemMvc.messages("i18n/casework-calendar/messages");
    }

    @Override
    public void close() {
        context.close();
        database.close();
    }

    @Configuration(proxyBeanMethods = false)
    @Import({
        JdbcWiring.class,
        CalendarDayRepository.class,
        DeadlinePolicyRepository.class,
        WorkingCalendar.class,
        CalendarDays.class,
        DeadlinePolicies.class,
        CalendarWatch.class,
        CalendarController.class,
        DeadlinePolicyController.class
    })
    static class Wiring {
        @Bean
        CalendarProperties calendarProperties() {
            return new CalendarProperties(null, null, Duration.ofMillis(200));
        }

        @Bean
        ResourceBundleMessageSource messageSource() {
            return messages();
        }

        @Bean
        AuditTrail auditTrail(DataSource dataSource, MutableClock clock) {
            // Only recording is exercised here; chaining and verification are the audit module's tests.
            return new AuditTrail(
                    new AuditRecordStore(dataSource, JsonMapper.builder().build()), null, null, null, null, clock);
        }
    }
}
