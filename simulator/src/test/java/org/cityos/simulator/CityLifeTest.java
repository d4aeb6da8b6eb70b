package org.cityos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.citizens.CaseworkDesk;
import org.cityos.simulator.citizens.CitizenRequest;
import org.cityos.simulator.citizens.CityPeople;
import org.cityos.simulator.citizens.GridReport;
import org.cityos.simulator.citizens.GridWorkerBot;
import org.cityos.simulator.citizens.HandlerAction;
import org.cityos.simulator.citizens.HandlerBot;
import org.cityos.simulator.citizens.HandlerHabits;
import org.cityos.simulator.citizens.InboxEntry;
import org.cityos.simulator.citizens.OnSiteCheck;
import org.cityos.simulator.citizens.PatrolDesk;
import org.cityos.simulator.citizens.PatrolHabits;
import org.cityos.simulator.citizens.RequestGenerator;
import org.cityos.simulator.world.SampleGeography;
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
        public List<String> awaitingClosure(String operator) {
            return List.of();
        }

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

    /** A patrol desk that takes every report and has one replied grid case of the sample grid waiting for its check. */
    static final class OnePatrolCase implements PatrolDesk {
        final List<GridReport> reports = new ArrayList<>();
        boolean checked;

        @Override
        public Filed report(String user, GridReport report) {
            reports.add(report);
            return new Filed("grid-case-" + reports.size(), true);
        }

        @Override
        public void attachPhoto(String user, String caseId, SitePhoto photo) {}

        @Override
        public List<OnSiteCheck> awaitingOnSiteCheck(String user, String grid) {
            return checked ? List.of() : List.of(waiting());
        }

        @Override
        public Optional<OnSiteCheck> current(String user, String caseId) {
            return Optional.of(waiting());
        }

        @Override
        public void verifyOnSite(String user, OnSiteCheck check, Verdict verdict) {
            checked = true;
        }

        private static OnSiteCheck waiting() {
            return new OnSiteCheck(
                    "c-9", "GRID", "REPLIED", SampleGeography.grid().code(), GeoPoint.of(116.332, 39.742), 3);
        }
    }

    @Test
    void theStatsCountTheGridWorkersReportsAndOnSiteChecks() {
        MutableClock clock = new MutableClock(PEAK, ZoneOffset.UTC);
        FlakyDesk desk = new FlakyDesk();
        OnePatrolCase patrolDesk = new OnePatrolCase();
        GridWorkerBot worker = new GridWorkerBot(
                "sim-grid-110115001001001",
                SampleGeography.grid(),
                new PatrolHabits(480, Duration.ofMinutes(15), 0),
                1,
                "L-",
                patrolDesk,
                clock);
        CityPeople people = new CityPeople(
                new RequestGenerator(5, 0, 0.3, "L"), desk, clock, List.of(), List.of(worker), List.of());
        try (CityLife life = new CityLife(people, null)) {
            clock.set(PEAK.plus(Duration.ofMinutes(30)));
            life.tick();

            CityLife.Stats stats = life.stats();
            assertThat(stats.gridReports())
                    .as("about 7 %% of 480 in half an hour at 10 h")
                    .isPositive();
            assertThat(stats.gridReports()).isEqualTo(patrolDesk.reports.size());
            assertThat(stats.onSiteChecks()).isEqualTo(1);
            assertThat(stats.failedTicks()).isZero();
        }
    }
}
