package org.cityos.casework;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cityos.casework.CaseCommands.DispatchCase;
import org.cityos.casework.internal.categories.CategorySeed;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.cityos.kernel.access.Role;
import org.cityos.testkit.ContextFixture;
import org.cityos.testkit.MutableClock;
import org.cityos.testkit.TestDatabase;
import org.cityos.workflow.Timers;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A district for casework tests: a database with every migration, casework wired as the app wires it, a small
 * division tree (two towns, a community and a grid each), three departments, the people who work cases, and a
 * clock the tests move.
 */
final class CaseBench implements AutoCloseable {
    static final String WEST_TOWN = "110115001000";
    static final String WEST_COMMUNITY = "110115001001";
    static final String WEST_GRID = "110115001001001";
    static final String EAST_TOWN = "110115002000";
    static final GeoPoint WEST_POINT = GeoPoint.of(116.30, 39.70);
    static final GeoPoint EAST_POINT = GeoPoint.of(116.55, 39.70);
    static final String WORKER_ID = "6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab";

    static final Actor OPERATOR = actor("operator", Set.of(Role.OPERATOR), List.of(CaseWiring.DISTRICT), Set.of());
    static final Actor LEADER = actor("leader", Set.of(Role.LEADER), List.of(CaseWiring.DISTRICT), Set.of());
    static final Actor URBAN =
            actor("urban", Set.of(Role.DEPARTMENT_HANDLER), List.of(CaseWiring.DISTRICT), Set.of("urban-management"));
    static final Actor WATER =
            actor("water", Set.of(Role.DEPARTMENT_HANDLER), List.of(CaseWiring.DISTRICT), Set.of("water-affairs"));
    static final Actor WEST = actor("west", Set.of(Role.TOWN_HANDLER), List.of(WEST_TOWN), Set.of());
    static final Actor EAST = actor("east", Set.of(Role.TOWN_HANDLER), List.of(EAST_TOWN), Set.of());
    static final Actor COMMUNITY =
            actor("community", Set.of(Role.COMMUNITY_HANDLER), List.of(WEST_COMMUNITY), Set.of());
    static final Actor WORKER = actor(WORKER_ID, Set.of(Role.GRID_WORKER), List.of(WEST_GRID), Set.of());

    final MutableClock clock = MutableClock.at("2026-11-24T01:00:00Z");
    final TestDatabase database = TestDatabase.migrated(6, TestDatabase.ALL_MIGRATIONS);
    final JdbcClient jdbc = database.jdbc();
    final AnnotationConfigApplicationContext context;
    final CaseIntake intake;
    final CaseDispatch dispatch;
    final CaseHandling handling;
    final CaseVerification verification;
    final CaseSupervision supervision;
    final CaseAttachments attachments;
    final Cases cases;
    final DispatchRules rules;
    final IntakePolicies policies;
    final Timers timers;
    final CaseApprovals approvals;

    CaseBench() {
        seed();
        context = ContextFixture.over(database.dataSource())
                .bean(Clock.class, clock)
                .properties(Map.of("cityos.workflow.scheduled", "false"))
                .start(CaseWiring.class);
        timers = context.getBean(Timers.class);
        approvals = context.getBean(CaseApprovals.class);
        seedCategories();
        intake = context.getBean(CaseIntake.class);
        dispatch = context.getBean(CaseDispatch.class);
        handling = context.getBean(CaseHandling.class);
        verification = context.getBean(CaseVerification.class);
        supervision = context.getBean(CaseSupervision.class);
        attachments = context.getBean(CaseAttachments.class);
        cases = context.getBean(Cases.class);
        rules = context.getBean(DispatchRules.class);
        policies = context.getBean(IntakePolicies.class);
    }

    static Actor actor(String id, Set<Role> roles, List<String> divisions, Set<String> departments) {
        return new Actor(
                id,
                ActorKind.USER,
                id,
                roles,
                divisions.stream().map(DivisionCode::of).toList(),
                departments.stream().map(DepartmentCode::of).collect(Collectors.toSet()),
                roles.contains(Role.OPERATOR) || roles.contains(Role.LEADER));
    }

    /** A hotline call about a broken manhole cover in the west town. */
    static NewCase hotline(String ticket) {
        return hotline(ticket, spread(ticket));
    }

    /** A point in the west town of its own for each ticket, about a kilometre apart, so that no two are duplicates. */
    static GeoPoint spread(String ticket) {
        int n = Math.floorMod(ticket.hashCode(), 30);
        return GeoPoint.of(116.05 + n * 0.01, 39.70 + Math.floorMod(ticket.hashCode() / 30, 20) * 0.01);
    }

    static NewCase hotline(String ticket, GeoPoint point) {
        return new NewCase(
                Channel.HOTLINE,
                ticket,
                RequestType.COMPLAINT,
                "井盖破损",
                "小区门口的井盖破损，有安全隐患，请尽快处理。",
                "0101",
                Urgency.ROUTINE,
                null,
                point,
                "张三丰",
                "13812345678",
                null,
                null);
    }

    IntakeResult receive(NewCase c) {
        return intake.receive(OPERATOR, c);
    }

    Case get(CaseId id) {
        return cases.get(Actor.system("test"), id);
    }

    int version(CaseId id) {
        return get(id).version();
    }

    /** Received and dispatched to the west town. */
    CaseId dispatchedToWestTown(String ticket) {
        CaseId id = receive(hotline(ticket)).id();
        dispatch.dispatch(OPERATOR, id, null, new DispatchCase(unit("town:" + WEST_TOWN), List.of(), "请处理"));
        return id;
    }

    static UnitRef unit(String text) {
        return UnitRef.parse(text).orElseThrow();
    }

    void pass(Duration d) {
        clock.advance(d);
    }

    /** Moves the clock and fires every timer then due, as the runner would; returns how many fired. */
    int passAndFire(Duration d) {
        clock.advance(d);
        return timers.fireDue();
    }

    List<String> actions(CaseId id) {
        return get(id).steps().stream().map(s -> s.action().name()).toList();
    }

    List<String> audits(CaseId id) {
        return jdbc.sql("SELECT action || ' by ' || actor_id FROM audit_record WHERE target_id = ? ORDER BY id")
                .param(id.value())
                .query(String.class)
                .list();
    }

    long events(CaseId id) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE key = ? AND type = 'casework.case-step-taken'")
                .param(id.value())
                .query(Long.class)
                .single();
    }

    /** The app seeds the category tree as an application runner; a plain context runs it here. */
    private void seedCategories() {
        try {
            context.getBean(CategorySeed.class).run(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void seed() {
        String now = "2026-11-24T00:00:00Z";
        division("110115000000", null, "DISTRICT", "DISTRICT", "大兴区", now);
        division(WEST_TOWN, "110115000000", "TOWN", "TOWN", "西镇", now);
        division(WEST_COMMUNITY, WEST_TOWN, "COMMUNITY", "COMMUNITY", "西社区", now);
        division(WEST_GRID, WEST_COMMUNITY, "GRID", "GRID", "西网格", now);
        division(EAST_TOWN, "110115000000", "TOWN", "TOWN", "东镇", now);
        division("110115002001", EAST_TOWN, "COMMUNITY", "COMMUNITY", "东社区", now);
        division("110115002001001", "110115002001", "GRID", "GRID", "东网格", now);
        for (String[] d : List.of(
                new String[] {"urban-management", "城市管理委员会", "城管委"},
                new String[] {"water-affairs", "水务局", "水务局"},
                new String[] {"ecology", "生态环境局", "生态环境局"})) {
            jdbc.sql("INSERT INTO identity_department (code, name, short_name, created_at, updated_at)"
                            + " VALUES (?, ?, ?, now(), now())")
                    .params((Object[]) d)
                    .update();
        }
    }

    private void division(String code, String parent, String level, String kind, String name, String at) {
        jdbc.sql("INSERT INTO spatial_division (code, parent_code, level, kind, name, source, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, 'test', ?::timestamptz, ?::timestamptz)")
                .params(code, parent, level, kind, name, at, at)
                .update();
    }

    @Override
    public void close() {
        context.close();
        database.close();
    }
}
