package org.cityos.casework.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cityos.casework.HandlerChoices;
import org.cityos.identity.Scope;
import org.cityos.identity.User;
import org.cityos.identity.UserId;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.cityos.kernel.access.Role;
import org.cityos.testkit.FixedActorResolver;
import org.cityos.testkit.ProblemMvc;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The pass-down picker's named handlers: only people who may handle cases inside the asking unit (a department's
 * own handlers; the town, community and grid handlers within a town or community), enabled, names masked; only a
 * holder of the unit may ask.
 */
class HandlerWebTest {
    static final String WEST_TOWN = "110115001000";
    static final String WEST_COMMUNITY = "110115001001";
    static final String WEST_GRID = "110115001001001";
    static final String EAST_TOWN = "110115002000";

    static final User TOWN_COLLEAGUE = user("a-town", "李四", Set.of(Role.TOWN_HANDLER), WEST_TOWN);
    static final User COMMUNITY = user("b-community", "王小明", Set.of(Role.COMMUNITY_HANDLER), WEST_COMMUNITY);
    static final User WORKER = user("c-worker", "张三", Set.of(Role.GRID_WORKER), WEST_GRID);
    static final User EAST_WORKER = user("d-east", "赵六", Set.of(Role.GRID_WORKER), "110115002001001");
    static final User WATER = dept("e-water", "钱七", "water", false);
    static final User ALL_DEPARTMENTS = dept("f-all", "孙八", null, true);
    static final User ROADS = dept("g-roads", "周九", "roads", false);
    static final User LEADER = user("h-leader", "吴十", Set.of(Role.LEADER), WEST_TOWN);
    static final User DISABLED = disabled(user("i-gone", "郑一", Set.of(Role.GRID_WORKER), WEST_GRID));

    final Actor[] acting = new Actor[1];
    final MockMvc mvc = ProblemMvc.standalone(
            ProblemMvc.messages("i18n/casework/messages"),
            FixedActorResolver.of(acting),
            new HandlerController(new HandlerChoices(
                    () -> List.of(
                            DISABLED,
                            WATER,
                            EAST_WORKER,
                            WORKER,
                            COMMUNITY,
                            TOWN_COLLEAGUE,
                            ALL_DEPARTMENTS,
                            ROADS,
                            LEADER),
                    DivisionCode.of("110115000000"))));

    @Test
    void aTownGetsThePeopleWhoHandleCasesInsideIt() throws Exception {
        acting[0] = actor(Set.of(Role.TOWN_HANDLER), List.of(WEST_TOWN), Set.of());
        mvc.perform(get("/api/casework/handlers").param("unit", "town:" + WEST_TOWN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username").value(contains("a-town", "b-community", "c-worker")))
                .andExpect(jsonPath("$[2].unit").value("user:" + WORKER.id()))
                .andExpect(jsonPath("$[2].name").value("张*"))
                .andExpect(jsonPath("$[1].name").value("王**"));
    }

    @Test
    void aCommunityGetsItsOwnAndItsGridsPeopleOnly() throws Exception {
        acting[0] = actor(Set.of(Role.COMMUNITY_HANDLER), List.of(WEST_COMMUNITY), Set.of());
        mvc.perform(get("/api/casework/handlers").param("unit", "community:" + WEST_COMMUNITY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username").value(contains("b-community", "c-worker")));
    }

    @Test
    void aDepartmentGetsItsOwnHandlers() throws Exception {
        acting[0] = actor(Set.of(Role.DEPARTMENT_HANDLER), List.of(), Set.of("water"));
        mvc.perform(get("/api/casework/handlers").param("unit", "dept:water"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username").value(contains("e-water", "f-all")));
    }

    @Test
    void aGridHasNobodyBelowIt() throws Exception {
        acting[0] = actor(Set.of(Role.GRID_WORKER), List.of(WEST_GRID), Set.of());
        mvc.perform(get("/api/casework/handlers").param("unit", "grid:" + WEST_GRID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void onlyAHolderOfTheUnitMayAsk() throws Exception {
        acting[0] = actor(Set.of(Role.TOWN_HANDLER), List.of(WEST_TOWN), Set.of());
        mvc.perform(get("/api/casework/handlers").param("unit", "town:" + EAST_TOWN))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("town:" + EAST_TOWN)));
        mvc.perform(get("/api/casework/handlers").param("unit", "nowhere"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unit"));
        acting[0] = actor(Set.of(Role.LEADER), List.of("110115000000"), Set.of());
        mvc.perform(get("/api/casework/handlers").param("unit", "town:" + WEST_TOWN))
                .andExpect(status().isForbidden());
    }

    static Actor actor(Set<Role> roles, List<String> divisions, Set<String> departments) {
        return new Actor(
                UUID.randomUUID().toString(),
                ActorKind.USER,
                "someone",
                roles,
                divisions.stream().map(DivisionCode::of).toList(),
                departments.stream().map(DepartmentCode::of).collect(java.util.stream.Collectors.toSet()),
                false);
    }

    static User user(String username, String name, Set<Role> roles, String division) {
        return of(username, name, new Scope(roles, List.of(DivisionCode.of(division)), Set.of(), false));
    }

    static User dept(String username, String name, String department, boolean all) {
        Set<DepartmentCode> departments = department == null ? Set.of() : Set.of(DepartmentCode.of(department));
        return of(username, name, new Scope(Set.of(Role.DEPARTMENT_HANDLER), List.of(), departments, all));
    }

    static User of(String username, String name, Scope scope) {
        return new User(UserId.random(), username, name, null, null, scope, true, false, null, null, 0, Instant.EPOCH);
    }

    static User disabled(User u) {
        return new User(
                u.id(),
                u.username(),
                u.displayName(),
                null,
                null,
                u.scope(),
                false,
                false,
                null,
                null,
                0,
                u.createdAt());
    }
}
