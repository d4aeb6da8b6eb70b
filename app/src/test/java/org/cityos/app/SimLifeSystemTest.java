package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.citizens.CitizenRequest;
import org.cityos.simulator.citizens.CityPeople;
import org.cityos.simulator.citizens.GridReport;
import org.cityos.simulator.citizens.GridWorkerBot;
import org.cityos.simulator.citizens.HandlerBot;
import org.cityos.simulator.citizens.HandlerHabits;
import org.cityos.simulator.citizens.HttpCaseworkDesk;
import org.cityos.simulator.citizens.HttpPatrolDesk;
import org.cityos.simulator.citizens.OperatorBot;
import org.cityos.simulator.citizens.PatrolDesk;
import org.cityos.simulator.citizens.PatrolHabits;
import org.cityos.simulator.citizens.RequestGenerator;
import org.cityos.simulator.connect.CityOsClient;
import org.cityos.simulator.connect.CityOsRefused;
import org.cityos.simulator.connect.GeographySource;
import org.cityos.simulator.connect.GridStaff;
import org.cityos.simulator.connect.Staff;
import org.cityos.simulator.scenario.ScenarioStep;
import org.cityos.simulator.world.Geography;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The live simulation's people against the running CityOS: the staff enlisted through the user API (a handler per
 * department and town, each with this run's own password, reset when an earlier run left the user behind), a case
 * taken by them from a citizen's call to closed, and the follow-up's rating counted in the unit's rates; a grid worker
 * per grid, and one on patrol taking its own report from the street through the handlers and its on-site check to
 * closed.
 */
class SimLifeSystemTest extends SystemTest {

    @Test
    void enlistedHandlersAndTheFollowUpDeskTakeACitizensCallToClosed() {
        URI base = URI.create("http://127.0.0.1:" + port);
        CityOsClient admin = new CityOsClient(base);
        admin.login("admin", DEMO_PASSWORD);
        Geography geo = GeographySource.read(admin, GeographySource.DAXING, 10);
        List<Geography.Division> towns = geo.divisions().subList(0, 2);
        List<String> said = new ArrayList<>();

        List<Staff.Handler> first = new Staff(admin, said::add).enlist(GeographySource.DAXING, towns);
        List<Staff.Handler> again = new Staff(admin, said::add).enlist(GeographySource.DAXING, towns);

        int departments = api.get("/api/departments", admin()).json().size();
        assertThat(first).hasSize(departments + 2);
        assertThat(first)
                .extracting(Staff.Handler::unit)
                .contains("dept:urban-management", "town:" + towns.get(0).code());
        assertThat(said)
                .contains("staff: " + (departments + 2) + " handlers (" + departments + " departments, 2 towns)");
        Staff.Handler urban = handler(again, "dept:urban-management");
        assertThat(urban.password())
                .isNotEqualTo(handler(first, "dept:urban-management").password());
        assertThatThrownBy(() -> new CityOsClient(base)
                        .login(urban.user(), handler(first, urban.unit()).password()))
                .as("the earlier run's password no longer works")
                .isInstanceOf(CityOsRefused.class);

        HttpCaseworkDesk desk = new HttpCaseworkDesk(
                base, "operator", Map.of(urban.user(), urban.password(), "operator", DEMO_PASSWORD)::get);
        CitizenRequest call = new RequestGenerator(21, 10, 0, "SIM-LIFE-" + System.nanoTime())
                .burst(new ScenarioStep.Complaints(new GeoPoint(116.352, 39.745), "0306", 1, 10), Instant.now())
                .get(0);
        String id = desk.file(call);
        HandlerBot bot = new HandlerBot(
                urban.user(), urban.unit(), new HandlerHabits(0, 0, Duration.ZERO), 3, desk, Clock.systemUTC());
        OperatorBot followUp = new OperatorBot("operator", 3, desk, new OperatorBot.FollowUpHabits(0, 1, 0));
        CityPeople people = new CityPeople(
                new RequestGenerator(21, 0, 0, "SIM-NONE-"), desk, Clock.systemUTC(), List.of(bot), List.of(followUp));

        for (int pass = 0; pass < 5 && !status(id).equals("CLOSED"); pass++) {
            people.tick();
        }

        assertThat(status(id)).isEqualTo("CLOSED");
        // Other tests in this JVM may have left replied cases of their own, which the desk closes too.
        assertThat(followUp.closed()).isPositive();
        assertThat(followUp.reopened()).isZero();
        JsonNode c = api.get("/api/casework/cases/" + id, admin()).json();
        assertThat(c.get("steps").findValuesAsString("action")).contains("SIGNED", "REPLIED", "VERIFIED", "CLOSED");
        assertThat(c.get("steps").findValuesAsString("byName")).contains(urban.user());
    }

    @Test
    void everyGridGetsAWorkerAndOneOnPatrolTakesItsOwnReportFromTheStreetToClosed() {
        URI base = URI.create("http://127.0.0.1:" + port);
        CityOsClient admin = new CityOsClient(base);
        admin.login("admin", DEMO_PASSWORD);
        Geography geo = GeographySource.read(admin, GeographySource.DAXING, 10);
        List<Geography.Division> towns = geo.divisions().subList(0, 2);
        List<String> said = new ArrayList<>();
        List<Staff.Handler> handlers = new Staff(admin, said::add).enlist(GeographySource.DAXING, towns);

        GridStaff.Enlisted enlisted = new GridStaff(admin, said::add).enlist(towns, 2, 5);

        List<String> grids = gridsOf(towns);
        assertThat(grids).isNotEmpty();
        assertThat(enlisted.gridWorkers()).isEqualTo(grids.size());
        Map<String, JsonNode> gridWorkers = new HashMap<>();
        for (JsonNode u : api.get("/api/users?limit=1000", admin()).json().get("items")) {
            if (u.get("username").asString().startsWith("sim-grid-")) {
                gridWorkers.put(u.get("username").asString(), u);
            }
        }
        assertThat(gridWorkers).hasSize(grids.size());
        for (String grid : grids) {
            JsonNode scope = gridWorkers.get(GridStaff.user(grid)).get("scope");
            assertThat(scope.get("roles").get(0).asString()).as(grid).isEqualTo("GRID_WORKER");
            assertThat(scope.get("roles")).hasSize(1);
            assertThat(scope.get("divisions").get(0).asString()).isEqualTo(grid);
        }
        assertThat(enlisted.patrols()).hasSize(2);
        assertThat(said)
                .contains("staff: " + grids.size() + " grid workers (" + enlisted.registered()
                        + " registered now), 2 on patrol");

        GridStaff.Patrol patrol = enlisted.patrols().get(0);
        Map<String, String> passwords = new HashMap<>();
        handlers.forEach(h -> passwords.put(h.user(), h.password()));
        passwords.put(patrol.user(), patrol.password());
        passwords.put("operator", DEMO_PASSWORD);
        HttpPatrolDesk patrolDesk = new HttpPatrolDesk(base, passwords::get);
        GridWorkerBot worker = new GridWorkerBot(
                patrol.user(),
                patrol.grid(),
                new PatrolHabits(0, Duration.ZERO, 0),
                5,
                "SIM-GRID-" + System.nanoTime() + "-",
                patrolDesk,
                Clock.systemUTC());

        PatrolDesk.Filed filed = worker.reportNow().orElseThrow();

        assertThat(filed.created()).isTrue();
        String id = filed.caseId();
        JsonNode reported = api.get("/api/casework/cases/" + id, admin()).json();
        assertThat(reported.get("channel").asString()).isEqualTo("GRID");
        assertThat(reported.get("place").get("grid").asString())
                .isEqualTo(patrol.grid().code());
        assertThat(reported.get("steps").findValuesAsString("byName")).contains(patrol.user());
        assertThat(reported.get("attachments").findValuesAsString("stage")).containsExactly("INTAKE");
        GridReport again = new GridReport(
                reported.get("externalId").asString(),
                Instant.now(),
                reported.get("categoryCode").asString(),
                "重复上报",
                "同一上报再次发送",
                patrol.grid().centre());
        assertThat(patrolDesk.report(patrol.user(), again))
                .as("the same report id is the same case")
                .isEqualTo(new PatrolDesk.Filed(id, false));

        HttpCaseworkDesk desk = new HttpCaseworkDesk(base, "operator", passwords::get);
        List<HandlerBot> bots = handlers.stream()
                .map(h -> new HandlerBot(
                        h.user(), h.unit(), new HandlerHabits(0, 0, Duration.ZERO), 3, desk, Clock.systemUTC()))
                .toList();
        OperatorBot centre = new OperatorBot("operator", 3, desk, new OperatorBot.FollowUpHabits(0, 1, 0));
        CityPeople people = new CityPeople(
                new RequestGenerator(21, 0, 0, "SIM-NONE-"),
                desk,
                Clock.systemUTC(),
                bots,
                List.of(worker),
                List.of(centre));
        for (int pass = 0; pass < 6 && !status(id).equals("CLOSED"); pass++) {
            people.tick();
        }

        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(worker.verified()).isPositive();
        JsonNode closed = api.get("/api/casework/cases/" + id, admin()).json();
        JsonNode verified = null;
        for (JsonNode step : closed.get("steps")) {
            if (step.get("action").asString().equals("VERIFIED")) {
                verified = step;
            }
        }
        assertThat(verified).as("verified on site").isNotNull();
        assertThat(verified.get("byName").asString()).isEqualTo(patrol.user());
        JsonNode afterPhoto = null;
        for (JsonNode a : closed.get("attachments")) {
            if (a.get("stage").asString().equals("VERIFY")) {
                afterPhoto = a;
            }
        }
        assertThat(afterPhoto).as("an after-photo").isNotNull();
        assertThat(afterPhoto.get("mediaType").asString()).isEqualTo("image/jpeg");
        GeoPoint at = GeoPoint.of(
                afterPhoto.get("point").get("lon").asDouble(),
                afterPhoto.get("point").get("lat").asDouble());
        assertThat(patrol.grid().contains(at)).as("taken inside the grid").isTrue();
    }

    /** The grids CityOS has under the towns. */
    private List<String> gridsOf(List<Geography.Division> towns) {
        List<String> grids = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            JsonNode page = api.get("/api/divisions?level=GRID&limit=1000&offset=" + offset, admin())
                    .json();
            for (JsonNode d : page.get("items")) {
                String code = d.get("code").asString();
                if (towns.stream().anyMatch(t -> code.startsWith(t.code().substring(0, 9)))) {
                    grids.add(code);
                }
            }
            if (offset + 1000 >= page.get("total").asLong()) {
                return grids;
            }
        }
    }

    private String status(String id) {
        return api.get("/api/casework/cases/" + id, admin())
                .json()
                .get("status")
                .asString();
    }

    private static Staff.Handler handler(List<Staff.Handler> handlers, String unit) {
        return handlers.stream().filter(h -> h.unit().equals(unit)).findFirst().orElseThrow();
    }
}
