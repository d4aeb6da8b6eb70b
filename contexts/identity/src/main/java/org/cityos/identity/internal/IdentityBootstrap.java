package org.cityos.identity.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cityos.identity.Department;
import org.cityos.identity.IdentityProperties;
import org.cityos.identity.NewUser;
import org.cityos.identity.RegisteredUser;
import org.cityos.identity.Scope;
import org.cityos.identity.Users;
import org.cityos.identity.persistence.DepartmentRepository;
import org.cityos.identity.persistence.UserRepository;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Role;
import org.cityos.spatial.Division;
import org.cityos.spatial.Divisions;
import org.cityos.spatial.SpatialProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First start: loads the reference departments into an empty table, then either creates one admin
 * with a one-time password printed once (no default password exists), or — in demo mode only —
 * named demo users with a published password, said loudly.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class IdentityBootstrap implements ApplicationRunner {
    public static final String DEMO_PASSWORD = "CityOS-demo-2026";
    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    private final DepartmentRepository departments;
    private final UserRepository userRows;
    private final Users users;
    private final Divisions divisions;
    private final SpatialProperties spatial;
    private final IdentityProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    public IdentityBootstrap(
            DepartmentRepository departments,
            UserRepository userRows,
            Users users,
            Divisions divisions,
            SpatialProperties spatial,
            IdentityProperties properties,
            TransactionTemplate tx,
            Clock clock) {
        this.departments = departments;
        this.userRows = userRows;
        this.users = users;
        this.divisions = divisions;
        this.spatial = spatial;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (departments.isEmpty()) {
            seedDepartments();
        }
        if (userRows.count() > 0) {
            return;
        }
        if (properties.demo()) {
            tx.executeWithoutResult(s -> seedDemoUsers());
        } else {
            RegisteredUser admin = tx.execute(s -> users.register(
                    Actor.system("bootstrap"),
                    new NewUser("admin", "系统管理员", null, null, null, districtWide(Role.SYSTEM_ADMIN))));
            System.out.println(banner(
                    "FIRST START: one-time administrator credential (shown once, must be changed at"
                            + " first sign-in)",
                    List.of("username: admin", "password: " + admin.oneTimePassword())));
        }
    }

    private void seedDepartments() throws IOException {
        try (Reader reader = new InputStreamReader(
                new ClassPathResource("reference/departments.csv").getInputStream(), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                departments.insert(
                        new Department(
                                DepartmentCode.of(r.get("code")),
                                r.get("name"),
                                r.get("short_name"),
                                r.get("responsibilities"),
                                true,
                                0),
                        clock.instant());
            }
        }
    }

    private void seedDemoUsers() {
        Actor seeder = Actor.system("demo");
        List<String> lines = new ArrayList<>();
        demo(seeder, lines, "admin", "演示管理员", districtWide(Role.SYSTEM_ADMIN));
        demo(seeder, lines, "operator", "演示值班员", districtWide(Role.OPERATOR));
        demo(seeder, lines, "leader", "演示领导", districtWide(Role.LEADER));
        demo(seeder, lines, "auditor", "演示审计员", districtWide(Role.AUDITOR));
        demo(seeder, lines, "steward", "演示数据管理员", districtWide(Role.DATA_STEWARD));
        demo(
                seeder,
                lines,
                "dept-urban",
                "演示城管委处置员",
                new Scope(
                        Set.of(Role.DEPARTMENT_HANDLER),
                        List.of(district()),
                        Set.of(DepartmentCode.of("urban-management")),
                        false));
        demo(
                seeder,
                lines,
                "dept-water",
                "演示水务局处置员",
                new Scope(
                        Set.of(Role.DEPARTMENT_HANDLER),
                        List.of(district()),
                        Set.of(DepartmentCode.of("water")),
                        false));
        List<Division> towns = divisions.children(district());
        firstGrid(towns)
                .ifPresent(grid -> demo(
                        seeder,
                        lines,
                        "worker-a",
                        "演示网格员",
                        new Scope(Set.of(Role.GRID_WORKER), List.of(grid), Set.of(), false)));
        for (int i = 0; i < Math.min(2, towns.size()); i++) {
            Division town = towns.get(i);
            demo(
                    seeder,
                    lines,
                    "town-" + (char) ('a' + i),
                    "演示" + town.name() + "处置员",
                    new Scope(Set.of(Role.TOWN_HANDLER), List.of(town.code()), Set.of(), false));
        }
        lines.add("password of every demo user: " + DEMO_PASSWORD);
        System.out.println(banner(
                "DEMO MODE: named demo users with a PUBLISHED password — never use demo mode in" + " production",
                lines));
    }

    private void demo(Actor seeder, List<String> lines, String username, String name, Scope scope) {
        users.register(seeder, new NewUser(username, name, null, null, DEMO_PASSWORD, scope));
        lines.add(String.format("%-11s %s %s", username, scope.roles(), scope.divisions()));
        log.warn("Demo user {} created with the published demo password", username);
    }

    /** The first grid of the first town's first community, for the demo grid worker. */
    private Optional<DivisionCode> firstGrid(List<Division> towns) {
        return towns.stream()
                .findFirst()
                .flatMap(town -> divisions.children(town.code()).stream().findFirst())
                .flatMap(community ->
                        divisions.children(community.code()).stream().findFirst())
                .map(Division::code);
    }

    private DivisionCode district() {
        return DivisionCode.of(spatial.districtCode());
    }

    private Scope districtWide(Role role) {
        return new Scope(Set.of(role), List.of(district()), Set.of(), true);
    }

    private static String banner(String title, List<String> lines) {
        String rule = "=".repeat(96);
        StringBuilder sb = new StringBuilder("\n")
                .append(rule)
                .append("\n  ")
                .append(title)
                .append("\n");
        lines.forEach(l -> sb.append("    ").append(l).append("\n"));
        return sb.append(rule).append("\n").toString();
    }
}
