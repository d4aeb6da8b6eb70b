package org.cityos.simulator.citizens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.cityos.testkit.MutableClock;
import org.junit.jupiter.api.Test;

class CityPeopleTest {
    /** 10:00 in Beijing. */
    static final Instant PEAK = Instant.parse("2026-11-24T02:00:00Z");

    @Test
    void eachTickFilesWhatCitizensMadeSinceTheLastAndLetsTheBotsWork() {
        MutableClock clock = new MutableClock(PEAK, ZoneOffset.UTC);
        HandlerBotTest.FakeDesk desk = new HandlerBotTest.FakeDesk();
        desk.inbox.add(HandlerBotTest.awaiting("c-1"));
        HandlerBot bot = new HandlerBot(
                "dept-urban", "dept:urban-management", new HandlerHabits(0, 0, Duration.ZERO), 1, desk, clock);
        CityPeople people = new CityPeople(new RequestGenerator(5, 2400, 0.3, "L"), desk, clock, List.of(bot));

        assertThat(people.tick()).as("no time has passed").isZero();
        clock.set(PEAK.plus(Duration.ofMinutes(30)));
        int firstHalf = people.tick();
        clock.set(PEAK.plus(Duration.ofHours(1)));
        int secondHalf = people.tick();

        List<CitizenRequest> sameHour =
                new RequestGenerator(5, 2400, 0.3, "L").between(PEAK, PEAK.plus(Duration.ofMinutes(30)));
        assertThat(firstHalf).isEqualTo(sameHour.size());
        assertThat(desk.filed.subList(0, firstHalf)).isEqualTo(sameHour);
        assertThat(firstHalf + secondHalf).as("about 8 %% of 2,400 at 10 h").isBetween(150, 260);
        assertThat(desk.filed).hasSize(firstHalf + secondHalf);
        assertThat(desk.filed).allSatisfy(r -> assertThat(r.at()).isBefore(PEAK.plus(Duration.ofHours(1))));
        assertThat(desk.done).as("the bot worked on every tick").hasSize(3);
    }
}
