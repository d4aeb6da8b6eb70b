package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.citizens.CitizenRequest;
import org.cityos.simulator.citizens.CityPeople;
import org.cityos.simulator.citizens.HandlerBot;
import org.cityos.simulator.citizens.HandlerHabits;
import org.cityos.simulator.citizens.HttpCaseworkDesk;
import org.cityos.simulator.citizens.OperatorBot;
import org.cityos.simulator.citizens.RequestGenerator;
import org.cityos.simulator.connect.CityOsClient;
import org.cityos.simulator.connect.CityOsRefused;
import org.cityos.simulator.connect.GeographySource;
import org.cityos.simulator.connect.Staff;
import org.cityos.simulator.scenario.ScenarioStep;
import org.cityos.simulator.world.Geography;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The live simulation's people against the running CityOS: the staff enlisted through the user API (a handler per
 * department and town, each with this run's own password, reset when an earlier run left the user behind), a case
 * taken by them from a citizen's call to closed, and the follow-up's rating counted in the unit's rates.
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
