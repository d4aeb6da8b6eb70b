package org.cityos.simulator.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.world.Geography;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GridStaffTest {
    static final List<Geography.Division> TOWNS = List.of(
            new Geography.Division("110115001000", "兴丰街道", GeoPoint.of(116.33, 39.74), false),
            new Geography.Division("110115002000", "西红门镇", GeoPoint.of(116.33, 39.79), false));

    FakeUserApi api;
    CityOsClient admin;
    final List<String> said = new ArrayList<>();

    @BeforeEach
    void district() throws IOException {
        api = new FakeUserApi();
        IntStream.rangeClosed(1, 10).forEach(g -> api.grids.add(String.format("110115001001%03d", g)));
        IntStream.rangeClosed(1, 10).forEach(g -> api.grids.add(String.format("110115001002%03d", g)));
        IntStream.rangeClosed(1, 10).forEach(g -> api.grids.add(String.format("110115002001%03d", g)));
        IntStream.rangeClosed(1, 5).forEach(g -> api.grids.add(String.format("110115003001%03d", g)));
        // An earlier run left the workers of one community and half of another.
        IntStream.rangeClosed(1, 10).forEach(g -> api.existing(String.format("sim-grid-110115001001%03d", g)));
        IntStream.rangeClosed(1, 5).forEach(g -> api.existing(String.format("sim-grid-110115002001%03d", g)));
        admin = new CityOsClient(api.base());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void everyGridOfTheTownsGetsAWorkerButOnlyThePatrolGetsPasswords() {
        Set<String> before = Set.copyOf(api.users.keySet());
        GridStaff.Enlisted enlisted = new GridStaff(admin, said::add).enlist(TOWNS, 4, 3);

        assertThat(enlisted.gridWorkers()).isEqualTo(30);
        assertThat(enlisted.registered()).isEqualTo(15);
        assertThat(api.users.keySet())
                .hasSize(30)
                .allMatch(u -> u.startsWith("sim-grid-110115001") || u.startsWith("sim-grid-110115002"));
        FakeUserApi.User fresh = api.users.get("sim-grid-110115001002007");
        assertThat(fresh.displayName()).isEqualTo("模拟测试社区第007网格员");
        assertThat(fresh.scope().path("roles").get(0).asString()).isEqualTo("GRID_WORKER");
        assertThat(fresh.scope().path("divisions").get(0).asString()).isEqualTo("110115001002007");

        List<GridStaff.Patrol> patrols = enlisted.patrols();
        assertThat(patrols).hasSize(4).allSatisfy(p -> {
            assertThat(p.password()).isNotBlank();
            assertThat(p.user()).isEqualTo("sim-grid-" + p.grid().code());
            assertThat(p.grid().contains(p.grid().centre())).isTrue();
        });
        List<String> patrolUsers = patrols.stream().map(GridStaff.Patrol::user).toList();
        for (FakeUserApi.User u : api.users.values()) {
            boolean existed = before.contains(u.name());
            boolean patrolling = patrolUsers.contains(u.name());
            boolean reset = api.calls.contains("POST /api/users/" + u.id() + "/reset-password");
            assertThat(reset).as(u.name() + " reset").isEqualTo(existed && patrolling);
            if (!existed) {
                assertThat(u.password())
                        .as(u.name() + " registered with this run's password only when on patrol")
                        .isEqualTo(patrolling ? password(patrols, u.name()) : null);
            }
        }
        long patrolsLeftBefore = patrolUsers.stream().filter(before::contains).count();
        assertThat(api.hashes)
                .as("one per new grid worker, five per patrolling one an earlier run left")
                .isEqualTo(15 + 5 * patrolsLeftBefore);
        assertThat(said).contains("staff: 30 grid workers (15 registered now), 4 on patrol");
    }

    @Test
    void aLaterRunCostsHashesForThePatrolOnlyAndPatrolsTheSameGrids() {
        List<String> first = new GridStaff(admin, said::add)
                .enlist(TOWNS, 4, 3).patrols().stream()
                        .map(GridStaff.Patrol::user)
                        .toList();
        api.hashes = 0;
        api.calls.clear();

        GridStaff.Enlisted again = new GridStaff(admin, said::add).enlist(TOWNS, 4, 3);

        assertThat(again.registered()).isZero();
        assertThat(again.patrols()).extracting(GridStaff.Patrol::user).isEqualTo(first);
        assertThat(api.calls).doesNotContain("POST /api/users");
        assertThat(api.hashes)
                .as("reset, sign-in and change for each of the four")
                .isEqualTo(4 * 5);
        assertThat(new GridStaff(admin, said::add).enlist(TOWNS, 4, 4).patrols())
                .extracting(GridStaff.Patrol::user)
                .as("another seed, another patrol")
                .isNotEqualTo(first);
    }

    @Test
    void aGridsNameBecomesItsWorkersName() {
        assertThat(GridStaff.displayName("清澄社区第3网格")).isEqualTo("模拟清澄社区第3网格员");
        assertThat(GridStaff.displayName("网格A")).isEqualTo("模拟网格A网格员");
        assertThat(GridStaff.displayName("很".repeat(60))).hasSize(45);
    }

    private static String password(List<GridStaff.Patrol> patrols, String user) {
        return patrols.stream()
                .filter(p -> p.user().equals(user))
                .findFirst()
                .orElseThrow()
                .password();
    }
}
