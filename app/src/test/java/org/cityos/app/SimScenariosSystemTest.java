package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cityos.casework.internal.HotSpotDetector;
import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.citizens.CityPeople;
import org.cityos.simulator.citizens.HandlerAction;
import org.cityos.simulator.citizens.HandlerBot;
import org.cityos.simulator.citizens.HandlerHabits;
import org.cityos.simulator.citizens.HttpCaseworkDesk;
import org.cityos.simulator.citizens.RequestGenerator;
import org.cityos.simulator.scenario.EffectCounter;
import org.cityos.simulator.scenario.HttpEffectCounter;
import org.cityos.simulator.scenario.Scenario;
import org.cityos.simulator.scenario.ScenarioRunner;
import org.cityos.simulator.scenario.Scenarios;
import org.cityos.testkit.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Each built-in scenario at small scale against the running CityOS: its steps are played on a simulated clock (the
 * scenario's minutes pass at once), its device effects reach CityOS by HTTP ingest ({@link SimIngestConditions}),
 * its citizens and handler bots through the public API, and every {@code expect} line of the file is checked
 * through the API. The product's own clock is the real one, so the checks wait (with a deadline) for what CityOS
 * does asynchronously; where a scenario needs product time to pass, the test uses what the product offers.
 */
class SimScenariosSystemTest extends SystemTest {
    @Autowired
    HotSpotDetector hotSpotDetector;

    String operator;
    String steward;
    SimIngestConditions devices;
    MutableClock simulated;
    CityPeople people;
    EffectCounter effects;
    HandlerBot urbanBot;

    @BeforeEach
    void city() {
        operator = api.login("operator", DEMO_PASSWORD);
        steward = api.login("steward", DEMO_PASSWORD);
        devices = new SimIngestConditions(api);
        simulated = new MutableClock(Instant.now(), ZoneOffset.UTC);
        URI base = URI.create("http://127.0.0.1:" + port);
        HttpCaseworkDesk desk = new HttpCaseworkDesk(base, "operator", DEMO_PASSWORD);
        HandlerHabits prompt = new HandlerHabits(0, 0, Duration.ZERO);
        urbanBot = new HandlerBot("dept-urban", "dept:urban-management", prompt, 1, desk, simulated);
        HandlerBot waterBot = new HandlerBot("dept-water", "dept:water", prompt, 2, desk, simulated);
        people = new CityPeople(
                new RequestGenerator(3, 100, 0, "SIM-" + System.nanoTime()),
                desk,
                simulated,
                List.of(urbanBot, waterBot));
        effects = new HttpEffectCounter(base, "operator", DEMO_PASSWORD);
    }

    @Test
    void rainstormFloodsTheLowPointsInsideTheRainOnly() throws InterruptedException {
        String near = device("waterlogging-level", "SIM-WL-1", 116.342, 39.731, null);
        String far = device("waterlogging-level", "SIM-WL-2", 116.45, 39.68, null);
        device("rain-gauge", "SIM-RG-1", 116.341, 39.732, null);
        enable("waterlogging", Map.of("scope", Map.of("devices", List.of(near, far))));

        play("rainstorm", Duration.ofSeconds(40), () -> {});

        assertThat(alarmsOf(near)).isEqualTo(1);
        assertThat(alarmsOf(far)).as("outside the rain").isZero();
        assertThat(devices.sent()).anyMatch(s -> s.startsWith(near + " {\"currentLevel\":0.3"));
    }

    @Test
    void coldSnapBringsAWaveOfHeatPumpFaults() throws InterruptedException {
        List<String> pumps = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pumps.add(device("heat-pump-controller", "SIM-HP-" + i, 116.300 + i * 0.0004, 39.722, null));
        }
        enable("heat-pump-fault", Map.of("scope", Map.of("devices", pumps)));
        enable("heat-pump-fault-wave", Map.of("scope", Map.of("devices", pumps)));

        play("cold-snap", Duration.ofSeconds(60), () -> {});

        assertThat(devices.sent()).filteredOn(s -> s.contains("\"E07\"")).hasSize(6);
    }

    @Test
    void gasLeakAtAHazardousChemicalsSiteRaisesARedAlarmOnSiteOnly() throws InterruptedException {
        String onSite = device("gas-leak-detector", "SIM-GAS-1", 116.5105, 39.7902, null);
        String fence = device("gas-leak-detector", "SIM-GAS-2", 116.5118, 39.7910, null);
        String away = device("gas-leak-detector", "SIM-GAS-3", 116.52, 39.79, null);
        enable("hazmat-gas-leak", Map.of("scope", Map.of("devices", List.of(onSite, fence, away))));

        play("gas-leak", Duration.ofSeconds(40), () -> {});

        assertThat(alarmsOf(onSite)).isEqualTo(1);
        assertThat(alarmsOf(fence)).as("below the alarm value at 180 m").isZero();
        assertThat(alarmsOf(away)).as("outside the leak").isZero();
        JsonNode alarm = api.get("/api/alerting/alarms?device=" + onSite, operator)
                .json()
                .get("items")
                .get(0);
        assertThat(alarm.get("facts").get("severity").asString()).isEqualTo("RED");
    }

    @Test
    void aBusDrivenOffItsRouteLeavesTheCorridor() throws InterruptedException {
        String bus = device("bus-gps-terminal", "SIM-BUS-1", 116.34, 39.74, "BUS-0001");
        // The route runs east–west along 39.74; its corridor is 600 m wide.
        List<List<Double>> corridor = List.of(
                List.of(116.30, 39.7373),
                List.of(116.38, 39.7373),
                List.of(116.38, 39.7427),
                List.of(116.30, 39.7427),
                List.of(116.30, 39.7373));
        enable(
                "bus-off-route",
                Map.of(
                        "scope",
                        Map.of("devices", List.of(bus)),
                        "geofence",
                        Map.of(
                                "trigger",
                                "EXIT",
                                "area",
                                Map.of("type", "Polygon", "coordinates", List.of(corridor)))));

        play("bus-off-route", Duration.ofSeconds(40), () -> {});

        assertThat(alarmsOf(bus)).isEqualTo(1);
    }

    @Test
    void aBurstOfComplaintsAboutOnePlaceBecomesAHotSpot() throws InterruptedException {
        play("complaint-burst", Duration.ofSeconds(40), hotSpotDetector::detect);

        JsonNode spots =
                api.get("/api/casework/hotspots?status=open", operator).json().get("items");
        JsonNode spot = null;
        for (JsonNode s : spots) {
            if (s.get("categoryCode").asString().equals("0304")
                    && new GeoPoint(s.get("lon").asDouble(), s.get("lat").asDouble())
                                    .distanceTo(new GeoPoint(116.335, 39.728))
                            < 100) {
                spot = s;
            }
        }
        assertThat(spot).as(spots.toString()).isNotNull();
        assertThat(spot.get("caseCount").asInt()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aDepartmentThatStopsSigningRunsOverdueAndIsSupervised() throws InterruptedException {
        // The product's clock is real: a one-minute response limit for the scenario's categories lets the deadline
        // pass within the test. Removed again afterwards, so that no other test sees it.
        List<String> categories = List.of("0301", "0302", "0303");
        for (String category : categories) {
            Api.Response put = api.put(
                    "/api/casework/deadline-policies/ROUTINE?categoryPrefix=" + category,
                    operator,
                    Map.of("response", "1m", "resolution", "1d"));
            assertThat(put.status()).as(put.toString()).isEqualTo(200);
        }
        try {
            ScenarioRunner runner = play("stops-signing", Duration.ofSeconds(150), people::workInboxes);

            assertThat(urbanBot.tally()).containsKey(HandlerAction.WAIT).doesNotContainKey(HandlerAction.SIGN);
            JsonNode overdue = api.get(
                            "/api/casework/cases?overdue=true&unit=dept:urban-management&from="
                                    + runner.startedAt().minusSeconds(5),
                            operator)
                    .json();
            assertThat(overdue.get("items").findValuesAsString("categoryCode")).containsAnyElementsOf(categories);

            // The scenario's end: the department signs again, and the bot signs what waited.
            runner.playToEnd(simulated::set);
            assertThat(urbanBot.signingStopped()).isFalse();
            people.workInboxes();
            assertThat(urbanBot.tally().getOrDefault(HandlerAction.SIGN, 0L)).isGreaterThanOrEqualTo(3);
        } finally {
            for (String category : categories) {
                String policy = "/api/casework/deadline-policies/ROUTINE?categoryPrefix=" + category;
                int version = api.get(policy, operator).json().get("version").asInt();
                Api.Response gone = api.delete(policy + "&version=" + version, operator);
                assertThat(gone.status()).as(gone.toString()).isEqualTo(204);
            }
        }
    }

    /**
     * Plays the scenario's steps up to its longest expectation on the simulated clock, then waits (real time, up to
     * {@code deadline}) until every expectation is met, doing {@code meanwhile} on each look; fails with the
     * outcomes (found against wanted, by line of the file) when one is still not met.
     */
    private ScenarioRunner play(String name, Duration deadline, Runnable meanwhile) throws InterruptedException {
        Scenario scenario = Scenarios.builtIn(name);
        Instant since = Instant.now().minusSeconds(1);
        devices.reportQuiet();
        simulated.set(Instant.now());
        ScenarioRunner runner = ScenarioRunner.start(scenario, simulated, devices, people);
        runner.playUntil(scenario.patience(), simulated::set);
        assertThat(runner.played()).isNotEmpty();
        await().atMost(deadline).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            meanwhile.run();
            assertThat(effects.check(scenario, since)).as(name).allMatch(EffectCounter.Outcome::met);
        });
        return runner;
    }

    private String device(String type, String serial, double lon, double lat, String vehicle) {
        String id = registerDevice(steward, type, serial, lon, lat);
        devices.add(new SimIngestConditions.Device(id, issueToken(steward, id), type, new GeoPoint(lon, lat), vehicle));
        return id;
    }

    private void enable(String template, Map<String, Object> override) {
        Api.Response r = api.post("/api/alerting/templates/" + template + "/enable", operator, override);
        assertThat(r.status()).as(template + " " + r).isEqualTo(201);
    }

    private int alarmsOf(String deviceId) {
        return api.get("/api/alerting/alarms?device=" + deviceId, operator)
                .json()
                .get("items")
                .size();
    }
}
