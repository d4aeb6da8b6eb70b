package org.cityos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.cityos.simulator.citizens.CaseworkDesk;
import org.cityos.simulator.citizens.CitizenRequest;
import org.cityos.simulator.citizens.CityPeople;
import org.cityos.simulator.citizens.HandlerAction;
import org.cityos.simulator.citizens.HandlerBot;
import org.cityos.simulator.citizens.HandlerHabits;
import org.cityos.simulator.citizens.InboxEntry;
import org.cityos.simulator.citizens.RequestGenerator;
import org.cityos.testkit.MutableClock;
import org.junit.jupiter.api.Test;

class CityLifeTest {
    /** 10:00 in Beijing, when citizens call most. */
    static final Instant PEAK = Instant.parse("2026-11-24T02:00:00Z");

    /** A desk that takes every filing and whose inboxes fail while {@code down} (CityOS unreachable). */
    static final class FlakyDesk implements CaseworkDesk {
        final List<CitizenRequest> filed = new ArrayList<>();
        boolean down;

        @Override
        public String file(CitizenRequest request) {
            filed.add(request);
            return "case-" + filed.size();
        }

        @Override
        public List<InboxEntry> inbox(String user) {
            if (down) {
                throw new UncheckedIOException(new IOException("Connection refused"));
            }
            return List.of();
        }

        @Override
        public void act(String user, InboxEntry entry, HandlerAction action) {}

        @Override
        public List<String> awaitingFollowUp(String operator) {
            return List.of();
        }

        @Override
        public void followUp(String operator, String caseId, FollowUp verdict) {}

        @Override
        public void close(String operator, String caseId) {}
    }

    @Test
    void aFailedTickIsCountedWithItsReasonKeepsWhatItFiledAndTheNextTickGoesOn() {
        MutableClock clock = new MutableClock(PEAK, ZoneOffset.UTC);
        FlakyDesk desk = new FlakyDesk();
        HandlerBot bot = new HandlerBot(
                "dept-urban", "dept:urban-management", new HandlerHabits(0, 0, Duration.ZERO), 1, desk, clock);
        CityPeople people = new CityPeople(new RequestGenerator(5, 2400, 0.3, "L"), desk, clock, List.of(bot));
        try (CityLife life = new CityLife(people, null)) {
            desk.down = true;
            clock.set(PEAK.plus(Duration.ofMinutes(30)));
            life.tick();

            CityLife.Stats failed = life.stats();
            assertThat(failed.failedTicks()).isEqualTo(1);
            assertThat(failed.lastError()).contains("Connection refused");
            assertThat(desk.filed)
                    .as("the citizens' calls came before the inbox failed")
                    .isNotEmpty();
            assertThat(failed.filed()).as("counted though the tick failed").isEqualTo(desk.filed.size());

            desk.down = false;
            clock.set(PEAK.plus(Duration.ofHours(1)));
            life.tick();

            CityLife.Stats after = life.stats();
            assertThat(after.failedTicks()).as("the next tick went through").isEqualTo(1);
            assertThat(after.filed()).isEqualTo(desk.filed.size()).isGreaterThan(failed.filed());
        }
    }
}
