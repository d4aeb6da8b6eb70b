package org.cityos.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.cityos.audit.AuditTrail;
import org.cityos.audit.persistence.AuditRecordStore;
import org.cityos.casework.internal.HotSpotDetector;
import org.cityos.casework.persistence.HotSpotRepository;
import org.cityos.casework.persistence.RateRepository;
import org.cityos.casework.persistence.ReportRepository;
import org.cityos.casework.web.DailyReportController;
import org.cityos.casework.web.HotSpotController;
import org.cityos.casework.web.RatesController;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
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
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Only the reporting beans of casework, as {@link RatesConfiguration} wires them, over a fresh database with the audit
 * and casework migrations; cases are inserted straight into the table (the reports read nothing else), the clock is
 * the test's and events are recorded, not delivered. The hot spot detector is not scheduled: tests call it.
 */
final class RatesFixture implements AutoCloseable {
    static final DivisionCode DISTRICT = DivisionCode.of("110115000000");
    static final String TOWN_A = "110115001000";
    static final String TOWN_B = "110115002000";
    static final String IN_A = "110115001001";
    static final String IN_B = "110115002001";

    static final Actor OPERATOR = actor("operator", Set.of(Role.OPERATOR), List.of(DISTRICT), Set.of());
    static final Actor LEADER = actor("leader", Set.of(Role.LEADER), List.of(DISTRICT), Set.of());
    static final Actor TOWN_A_LEADER =
            actor("town-a-leader", Set.of(Role.LEADER), List.of(DivisionCode.of(TOWN_A)), Set.of());
    static final Actor TOWN_B_LEADER =
            actor("town-b-leader", Set.of(Role.LEADER), List.of(DivisionCode.of(TOWN_B)), Set.of());
    /** A water authority's head: reads reports, handles its department's cases, has no division of its own. */
    static final Actor WATER_HEAD = actor(
            "water-head", Set.of(Role.LEADER, Role.DEPARTMENT_HANDLER), List.of(), Set.of(DepartmentCode.of("swj")));

    static final Actor HANDLER =
            actor("handler", Set.of(Role.DEPARTMENT_HANDLER), List.of(), Set.of(DepartmentCode.of("swj")));

    final MutableClock clock;
    final TestDatabase database;
    final JdbcClient jdbc;
    final RecordingEventBus events = new RecordingEventBus();
    final AnnotationConfigApplicationContext context;
    final Rates rates;
    final HotSpots hotSpots;
    final HotSpotDetector detector;
    final DailyReports reports;
    private final AtomicInteger serial = new AtomicInteger();

    RatesFixture(String now) {
        clock = MutableClock.at(now);
        database = TestDatabase.migrated(4, "classpath:db/migration/audit", "classpath:db/migration/casework");
        jdbc = database.jdbc();
        context = ContextFixture.over(database.dataSource())
                .bean(Clock.class, clock)
                .bean(EventBus.class, events)
                .properties(Map.of("cityos.casework.hotspots.scheduled", "false"))
                .start(JdbcWiring.class, Wiring.class);
        rates = context.getBean(Rates.class);
        hotSpots = context.getBean(HotSpots.class);
        detector = context.getBean(HotSpotDetector.class);
        reports = context.getBean(DailyReports.class);
    }

    static Actor actor(String id, Set<Role> roles, List<DivisionCode> divisions, Set<DepartmentCode> departments) {
        return new Actor(id, ActorKind.USER, id, roles, divisions, departments, false);
    }

    /** Beijing wall-clock time, e.g. {@code bj("2026-11-30T23:59")}. */
    static Instant bj(String local) {
        return LocalDateTime.parse(local).atZone(RatePeriod.ZONE).toInstant();
    }

    NewRow row() {
        return new NewRow(this);
    }

    MockMvc mvc(Actor[] current) {
        return ProblemMvc.standalone(
                ProblemMvc.messages("i18n/casework-rates/messages"),
                FixedActorResolver.of(current),
                context.getBean(RatesController.class),
                context.getBean(HotSpotController.class),
                context.getBean(DailyReportController.class));
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Override
    public void close() {
        context.close();
        database.close();
    }

    /** A case row with what the reports read; everything else gets a harmless default. */
    static final class NewRow {
        private final RatesFixture f;
        String id;
        String channel = "HOTLINE";
        String status = "DISPATCHED";
        String category = "030101";
        String unit;
        String town;
        String division;
        Instant received;
        Instant dispatched;
        Instant signed;
        Instant responseDue;
        Instant resolutionDue;
        Instant replied;
        Instant closed;
        boolean responseOverdue;
        boolean resolutionOverdue;
        Boolean solved;
        String satisfaction;
        boolean excluded;
        Double lon;
        Double lat;

        NewRow(RatesFixture f) {
            this.f = f;
            int n = f.serial.incrementAndGet();
            this.id = String.format("cas_%016d", n);
        }

        /** Dispatched at {@code at} by the centre to {@code unit} in {@code division}, due to sign within 2 hours. */
        NewRow dispatched(String unit, String division, Instant at) {
            this.unit = unit;
            this.division = division;
            this.town = division.substring(0, 9) + "000";
            this.received = at.minusSeconds(600);
            this.dispatched = at;
            this.responseDue = at.plusSeconds(7200);
            this.resolutionDue = at.plusSeconds(5 * 86400);
            return this;
        }

        NewRow signedInTime() {
            signed = dispatched.plusSeconds(1800);
            status = "SIGNED";
            return this;
        }

        NewRow signedLate() {
            signed = responseDue.plusSeconds(60);
            status = "SIGNED";
            return this;
        }

        /** Followed up: the citizen said solved or not, and rated (or not, with null). */
        NewRow followedUp(boolean solved, String satisfaction) {
            this.solved = solved;
            this.satisfaction = satisfaction;
            this.replied = dispatched.plusSeconds(86400);
            this.closed = dispatched.plusSeconds(2 * 86400);
            this.status = "CLOSED";
            return this;
        }

        NewRow set(java.util.function.Consumer<NewRow> change) {
            change.accept(this);
            return this;
        }

        String insert() {
            List<Object> p = new ArrayList<>();
            p.add(id);
            p.add("N" + id.substring(4));
            p.add(channel);
            p.add(category);
            p.add(status);
            p.add(lon);
            p.add(lat);
            p.add(division);
            p.add(town);
            p.add(unit);
            p.add(ts(received));
            p.add(ts(dispatched));
            p.add(ts(signed));
            p.add(ts(replied));
            p.add(ts(closed));
            p.add(ts(responseDue));
            p.add(ts(resolutionDue));
            p.add(responseOverdue);
            p.add(resolutionOverdue);
            p.add(solved);
            p.add(satisfaction);
            p.add(excluded);
            p.add(ts(received));
            f.jdbc.sql("INSERT INTO casework_case (id, number, channel, request_type, title, content, category_code,"
                            + " urgency, status, lon, lat, division_code, town_code, main_unit, received_at,"
                            + " dispatched_at, signed_at, replied_at, closed_at, response_due, resolution_due,"
                            + " response_overdue, resolution_overdue, solved, satisfaction, excluded_from_rates,"
                            + " updated_at) VALUES (?, ?, ?, 'COMPLAINT', '测试诉求', '内容', ?, 'ROUTINE', ?, ?, ?, ?,"
                            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(p)
                    .update();
            return id;
        }

        private static Timestamp ts(Instant t) {
            return t == null ? null : Timestamp.from(t);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import({
        RateRepository.class,
        ReportRepository.class,
        HotSpotRepository.class,
        RatesConfiguration.class,
        RatesController.class,
        HotSpotController.class,
        DailyReportController.class
    })
    static class Wiring {
        @Bean
        AuditTrail auditTrail(DataSource dataSource, Clock clock) {
            // Only recording is exercised here; chaining and verification are the audit module's tests.
            return new AuditTrail(
                    new AuditRecordStore(dataSource, JsonMapper.builder().build()), null, null, null, null, clock);
        }
    }
}
