package org.cityos.simulator.citizens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.world.GridArea;
import org.cityos.simulator.world.SampleGeography;
import org.cityos.testkit.MutableClock;
import org.junit.jupiter.api.Test;

class GridWorkerBotTest {
    /** Midnight in Beijing. */
    static final Instant DAY = Instant.parse("2026-11-23T16:00:00Z");

    static final GridArea GRID = SampleGeography.grid();
    static final GeoPoint IN_GRID = GeoPoint.of(116.332, 39.742);
    static final String WORKER = "sim-grid-" + GRID.code();

    final MutableClock clock = new MutableClock(DAY.plus(Duration.ofHours(10)), ZoneOffset.UTC);
    final FakePatrolDesk desk = new FakePatrolDesk();

    GridWorkerBot worker(PatrolHabits habits) {
        return new GridWorkerBot(WORKER, GRID, habits, 7, "SIM-7-run-G", desk, clock);
    }

    static OnSiteCheck replied(String id, String channel, String grid) {
        return new OnSiteCheck(id, channel, "REPLIED", grid, IN_GRID, 5);
    }

    @Test
    void aDaysReportsFollowTheRhythmFromInsideTheGridOfPatrolKindsEachWithItsOwnIdAndAPhoto() {
        clock.set(DAY);
        GridWorkerBot bot = worker(new PatrolHabits(400, Duration.ofHours(1), 0));
        int[] byHour = new int[24];
        for (int minute = 10; minute <= 24 * 60; minute += 10) {
            clock.set(DAY.plus(Duration.ofMinutes(minute)));
            int before = desk.attempts.size();
            bot.patrol();
            byHour[(minute - 1) / 60] += desk.attempts.size() - before;
        }

        List<GridReport> reports = desk.attempts;
        assertThat(reports.size()).isBetween(340, 460);
        assertThat(bot.reported()).isEqualTo(reports.size());
        assertThat(reports).allSatisfy(r -> {
            assertThat(GRID.contains(r.point())).as(r.point().toString()).isTrue();
            assertThat(r.category()).doesNotStartWith("H");
            assertThat(r.reportId()).startsWith("SIM-7-run-G" + GRID.code() + "-");
        });
        Set<String> patrolKinds =
                RequestMix.patrolKinds().stream().map(RequestKind::category).collect(Collectors.toSet());
        assertThat(reports.stream().map(GridReport::category).collect(Collectors.toSet()))
                .as("every patrol kind turns up over a busy day")
                .isEqualTo(patrolKinds);
        assertThat(reports.stream().map(GridReport::reportId).distinct()).hasSize(reports.size());
        assertThat(byHour[2] + byHour[3] + byHour[4]).as("02–05 h").isLessThan(byHour[10]);
        assertThat(desk.photos).hasSize(reports.size()).allSatisfy(p -> {
            assertThat(p.photo().stage()).isEqualTo(PatrolDesk.SitePhoto.Stage.INTAKE);
            assertThat(p.photo().at())
                    .isEqualTo(desk.reportByCase.get(p.caseId()).point());
            assertThat(p.photo().jpeg()).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
        });
    }

    @Test
    void aReportWithoutAnAnswerIsSentAgainWithItsIdAndMakesOneCaseButARefusedOneIsDropped() {
        GridWorkerBot bot = worker(new PatrolHabits(0, Duration.ofHours(1), 0));
        desk.down = true;
        assertThatThrownBy(bot::reportNow).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(bot::patrol).as("still away").isInstanceOf(UncheckedIOException.class);
        assertThat(bot.unanswered()).isEqualTo(1);

        desk.down = false;
        clock.advance(Duration.ofMinutes(1));
        bot.patrol();

        assertThat(desk.attempts).hasSize(3);
        assertThat(desk.attempts.stream().map(GridReport::reportId).distinct())
                .as("the same report each time")
                .hasSize(1);
        assertThat(desk.caseByReport).hasSize(1);
        assertThat(desk.photos).as("one photo, once it was filed").hasSize(1);
        assertThat(bot.unanswered()).isZero();
        assertThat(bot.reported()).isEqualTo(1);

        desk.refuseReports = true;
        assertThat(bot.reportNow()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        bot.patrol();
        assertThat(bot.refused()).isEqualTo(1);
        assertThat(desk.attempts).as("a refused report is not sent again").hasSize(4);
        assertThat(desk.attempts.get(3).reportId())
                .isNotEqualTo(desk.attempts.get(0).reportId());
    }

    @Test
    void onlyRepliedCasesOfItsOwnGridThatAreCheckedOnSiteAreCheckedWithAnAfterPhotoAndGpsAtTheVersionAfterThePhoto() {
        desk.awaiting.addAll(List.of(
                replied("grid-case", "GRID", GRID.code()),
                replied("alarm-case", "ALARM", GRID.code()),
                replied("neighbours-case", "GRID", "110115001001002"),
                new OnSiteCheck("in-progress", "GRID", "IN_PROGRESS", GRID.code(), IN_GRID, 5),
                replied("hotline-case", "HOTLINE", GRID.code()),
                replied("verified-meanwhile", "GRID", GRID.code())));
        desk.changedMeanwhile.put(
                "verified-meanwhile",
                new OnSiteCheck("verified-meanwhile", "GRID", "VERIFIED", GRID.code(), IN_GRID, 6));
        GridWorkerBot bot = worker(new PatrolHabits(0, Duration.ofMinutes(15), 0));

        assertThat(bot.patrol()).isEqualTo(2);

        assertThat(desk.verifiedCases()).containsExactly("grid-case", "alarm-case");
        assertThat(desk.verified).allSatisfy(v -> {
            assertThat(v.user()).isEqualTo(WORKER);
            assertThat(v.check().version()).as("as it stands after the photo").isEqualTo(6);
            assertThat(v.verdict().passed()).isTrue();
            assertThat(GRID.contains(v.verdict().at())).isTrue();
            assertThat(v.verdict().at().distanceTo(IN_GRID)).isLessThan(15.5);
        });
        assertThat(desk.photos)
                .extracting(p -> p.caseId() + " " + p.photo().stage())
                .containsExactly("grid-case VERIFY", "alarm-case VERIFY", "verified-meanwhile VERIFY");
        assertThat(desk.photos.get(0).photo().at())
                .isEqualTo(desk.verified.get(0).verdict().at());
        assertThat(bot.onSiteChecks()).isEqualTo(2);
    }

    @Test
    void aShareOfChecksSendsTheCaseBackWithANoteAndEachCaseIsJudgedTheSameWayAtOneVersion() {
        for (int i = 0; i < 300; i++) {
            desk.awaiting.add(replied("c-" + i, "GRID", GRID.code()));
        }
        worker(new PatrolHabits(0, Duration.ZERO, 0.2)).patrol();

        List<PatrolDesk.Verdict> back = desk.verified.stream()
                .map(FakePatrolDesk.Verified::verdict)
                .filter(v -> !v.passed())
                .toList();
        assertThat(back.size()).as("a fifth of 300").isBetween(35, 85);
        assertThat(back).allSatisfy(v -> assertThat(v.note()).contains("退回"));

        FakePatrolDesk again = new FakePatrolDesk();
        for (int i = 0; i < 300; i++) {
            again.awaiting.add(replied("c-" + i, "GRID", GRID.code()));
        }
        new GridWorkerBot(WORKER, GRID, new PatrolHabits(0, Duration.ZERO, 0.2), 7, "other-run-", again, clock)
                .patrol();
        assertThat(again.verified)
                .extracting(FakePatrolDesk.Verified::verdict)
                .isEqualTo(desk.verified.stream()
                        .map(FakePatrolDesk.Verified::verdict)
                        .toList());
    }

    @Test
    void theGridIsLookedAtOncePerCheckIntervalAndARefusedCheckIsCountedWhileTheRestGoOn() {
        desk.awaiting.addAll(List.of(replied("c-1", "GRID", GRID.code()), replied("c-2", "EVENT", GRID.code())));
        desk.refuseCheckOf = "c-1";
        GridWorkerBot bot = worker(new PatrolHabits(0, Duration.ofMinutes(15), 0));

        bot.patrol();
        clock.advance(Duration.ofMinutes(10));
        bot.patrol();
        assertThat(desk.listings).isEqualTo(1);
        clock.advance(Duration.ofMinutes(5));
        bot.patrol();
        assertThat(desk.listings).isEqualTo(2);

        assertThat(bot.refused()).as("c-1 on both looks").isEqualTo(2);
        assertThat(desk.verifiedCases()).containsExactly("c-2");
        assertThat(bot.verified()).isEqualTo(1);
    }
}
