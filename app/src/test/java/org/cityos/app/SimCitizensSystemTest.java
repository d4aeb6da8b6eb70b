package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.citizens.CitizenRequest;
import org.cityos.simulator.citizens.CityPeople;
import org.cityos.simulator.citizens.HandlerBot;
import org.cityos.simulator.citizens.HandlerHabits;
import org.cityos.simulator.citizens.HttpCaseworkDesk;
import org.cityos.simulator.citizens.RequestGenerator;
import org.cityos.simulator.scenario.ScenarioStep;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The simulator's citizens and handler bots against the running CityOS: a peak hour of a small district's requests
 * filed through the 12345 intake and Open311, and the city-management department's handlers working them.
 */
class SimCitizensSystemTest extends SystemTest {
    /** 10:00 in Beijing, the morning peak. */
    static final Instant PEAK = Instant.parse("2026-11-24T02:00:00Z");

    @Test
    void aPeakHourOfRequestsIsFiledThroughBothChannelsAndHandlersWorkThem() {
        String operator = api.login("operator", DEMO_PASSWORD);
        HttpCaseworkDesk desk = new HttpCaseworkDesk(URI.create("http://127.0.0.1:" + port), "operator", DEMO_PASSWORD);
        HandlerBot urban = new HandlerBot(
                "dept-urban",
                "dept:urban-management",
                new HandlerHabits(0, 0, Duration.ZERO),
                5,
                desk,
                Clock.systemUTC());
        RequestGenerator citizens = new RequestGenerator(11, 480, 0.5, "SIM-DAY-" + System.nanoTime());
        CityPeople people = new CityPeople(citizens, desk, Clock.systemUTC(), List.of(urban));
        Instant since = Instant.now().minusSeconds(1);
        // The window reaches back a second: cases another test filed just before count as already there.
        long hotlineBefore = total(operator, "channel=HOTLINE&from=" + since);
        long open311Before = total(operator, "channel=OPEN311&from=" + since);
        List<String> urbanBefore = urbanCases(operator, since);

        List<CitizenRequest> hour = citizens.between(PEAK, PEAK.plus(Duration.ofHours(1)));
        assertThat(hour.size()).as("about 7 % of 480").isBetween(25, 60);
        List<String> ids = people.file(hour);

        List<CitizenRequest> hotline = hour.stream()
                .filter(r -> r.channel() == CitizenRequest.Channel.HOTLINE)
                .toList();
        long open311 = hour.size() - hotline.size();
        assertThat(open311).isPositive();
        assertThat(total(operator, "channel=HOTLINE&from=" + since)).isEqualTo(hotlineBefore + hotline.size());
        assertThat(total(operator, "channel=OPEN311&from=" + since)).isEqualTo(open311Before + open311);
        CitizenRequest first = hotline.get(0);
        assertThat(desk.file(first)).as("idempotent by ticket").isEqualTo(ids.get(hour.indexOf(first)));
        assertThat(total(operator, "channel=HOTLINE&from=" + since)).isEqualTo(hotlineBefore + hotline.size());
        JsonNode filed = api.get("/api/casework/cases?q=" + first.ticket(), operator)
                .json()
                .get("items")
                .get(0);
        assertThat(filed.get("categoryCode").asString()).isEqualTo(first.category());

        // The department's handlers sign, start and reply everything dispatched to them.
        List<String> urbanCases = urbanCases(operator, since);
        urbanCases.removeAll(urbanBefore);
        assertThat(urbanCases).isNotEmpty();
        for (int pass = 0; pass < 3; pass++) {
            people.workInboxes();
        }
        for (String id : urbanCases) {
            assertThat(api.get("/api/casework/cases/" + id, operator)
                            .json()
                            .get("status")
                            .asString())
                    .as(id)
                    .isEqualTo("REPLIED");
        }
    }

    @Test
    void aHandlerWhoReturnsEverythingSendsTheCaseBackToTheCentre() {
        String operator = api.login("operator", DEMO_PASSWORD);
        HttpCaseworkDesk desk = new HttpCaseworkDesk(URI.create("http://127.0.0.1:" + port), "operator", DEMO_PASSWORD);
        RequestGenerator citizens = new RequestGenerator(12, 10, 0, "SIM-RET-" + System.nanoTime());
        CitizenRequest request = citizens.burst(
                        new ScenarioStep.Complaints(new GeoPoint(116.352, 39.745), "0306", 1, 10), Instant.now())
                .get(0);
        String id = desk.file(request);
        HandlerBot refuser = new HandlerBot(
                "dept-urban",
                "dept:urban-management",
                new HandlerHabits(1, 0, Duration.ZERO),
                5,
                desk,
                Clock.systemUTC());

        refuser.workInbox();

        JsonNode c = api.get("/api/casework/cases/" + id, operator).json();
        assertThat(c.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(c.get("steps").findValuesAsString("action")).contains("RETURNED");
    }

    private List<String> urbanCases(String token, Instant since) {
        List<String> ids = new ArrayList<>();
        for (JsonNode c : api.get("/api/casework/cases?unit=dept:urban-management&limit=500&from=" + since, token)
                .json()
                .get("items")) {
            ids.add(c.get("id").asString());
        }
        return ids;
    }

    private long total(String token, String query) {
        return api.get("/api/casework/cases?limit=1&" + query, token)
                .json()
                .get("total")
                .asLong();
    }
}
