package org.cityos.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.cityos.casework.RatesFixture.IN_A;
import static org.cityos.casework.RatesFixture.IN_B;
import static org.cityos.casework.RatesFixture.bj;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.InvalidInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rates on a data set small enough to compute by hand (November 2026, Beijing days):
 *
 * <pre>
 * #   unit          place  cat    dispatched (BJ)   signed  solved  rating     note
 * 1   dept:cgw      A      030101 11-02 10:00       in time yes     满意
 * 2   dept:cgw      A      030101 11-02 10:00       in time yes     基本满意
 * 3   dept:cgw      A      030101 11-02 10:00       late    yes     满意       resolution overdue, closed
 * 4   dept:cgw      A      030101 11-02 10:00       in time no      不满意
 * 5   dept:cgw      A      030201 11-03 10:00       in time -       -          not followed up yet
 * 6   dept:cgw      A      030101 11-02 10:00       in time yes     满意       excluded (appeal upheld)
 * 7   dept:cgw      A      030101 11-03 10:00       never   -       -          open, response overdue
 * 8   dept:swj      B      020101 11-10 10:00       in time yes     满意
 * 9   dept:swj      B      020101 11-10 10:00       in time yes     满意
 * 10  dept:swj      B      020101 11-10 10:00       in time yes     基本满意
 * 11  dept:swj      B      020101 11-10 10:00       in time no      -          followed up, not rated
 * 12  dept:swj      B      020101 11-10 10:00       late    yes     满意
 * 13  town:A        A      040101 11-15 10:00       in time yes     基本满意
 * 14  town:A        A      040101 11-15 10:00       in time yes     基本满意
 * 15  town:A        A      040101 11-15 10:00       in time -       -
 * 16  town:B        B      020101 11-20 10:00       in time -       -          open, resolution overdue
 * 17  town:B        B      020101 11-30 23:59       late    -       -          last minute of November (15:59 UTC)
 * 18  dept:cgw      A      030101 10-31 23:30       in time yes     满意       October in Beijing
 * 19  town:B        B      020101 12-01 00:00       in time -       -          December in Beijing (Nov 30 in UTC)
 * 20  town:A        A      040101 never             -       -       -          received, not dispatched
 * 21  dept:swj      B      020101 11-10 10:00       in time yes     满意       merged into another case
 * </pre>
 *
 * By unit (response = in time ÷ dispatched, resolution = solved ÷ followed up, satisfaction = (满意 + 0.8 基本满意) ÷
 * rated, composite = 0.10 R + 0.45 S + 0.45 M, re-weighted over the rates that exist):
 *
 * <pre>
 * town:A   3 dispatched, 3 in time = 1.0; 2 followed, 2 solved = 1.0; 2 rated, 0 + 0.8×2 = 1.6 → 0.8
 *          composite 0.10 + 0.45 + 0.36 = 0.91                                                    rank 1
 * dept:swj 5 dispatched, 4 in time = 0.8; 5 followed, 4 solved = 0.8; 4 rated, 3 + 0.8 = 3.8 → 0.95
 *          composite 0.08 + 0.36 + 0.4275 = 0.8675                                                rank 2
 * dept:cgw 6 dispatched (1-5, 7), 4 in time = 2/3; 4 followed, 3 solved = 0.75; 4 rated, 2 + 0.8 → 0.7
 *          composite 0.0666… + 0.3375 + 0.315 = 0.7191666…                                        rank 3
 * town:B   2 dispatched (16, 17), 1 in time = 0.5; nothing followed up or rated → null, null
 *          composite re-weighted over the response rate alone = 0.5                               rank 4
 * </pre>
 */
class RatesIT {
    static final RatePeriod NOVEMBER = new RatePeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
    static final String CGW = "dept:cgw";
    static final String SWJ = "dept:swj";
    static final String TOWN_A_UNIT = "town:" + RatesFixture.TOWN_A;
    static final String TOWN_B_UNIT = "town:" + RatesFixture.TOWN_B;

    static RatesFixture f;
    static String case7;
    static String case16;

    @BeforeAll
    static void seed() {
        f = new RatesFixture("2026-12-02T02:00:00Z");
        // dept:cgw in town A
        f.row()
                .dispatched(CGW, IN_A, bj("2026-11-02T10:00"))
                .signedInTime()
                .followedUp(true, "SATISFIED")
                .insert();
        f.row()
                .dispatched(CGW, IN_A, bj("2026-11-02T10:00"))
                .signedInTime()
                .followedUp(true, "BASICALLY_SATISFIED")
                .insert();
        f.row()
                .dispatched(CGW, IN_A, bj("2026-11-02T10:00"))
                .signedLate()
                .followedUp(true, "SATISFIED")
                .set(r -> r.resolutionOverdue = true)
                .insert();
        f.row()
                .dispatched(CGW, IN_A, bj("2026-11-02T10:00"))
                .signedInTime()
                .followedUp(false, "DISSATISFIED")
                .insert();
        f.row()
                .dispatched(CGW, IN_A, bj("2026-11-03T10:00"))
                .signedInTime()
                .set(r -> r.category = "030201")
                .insert();
        f.row()
                .dispatched(CGW, IN_A, bj("2026-11-02T10:00"))
                .signedInTime()
                .followedUp(true, "SATISFIED")
                .set(r -> r.excluded = true)
                .insert();
        case7 = f.row()
                .dispatched(CGW, IN_A, bj("2026-11-03T10:00"))
                .set(r -> r.responseOverdue = true)
                .insert();
        // dept:swj in town B
        for (String rating : List.of("SATISFIED", "SATISFIED", "BASICALLY_SATISFIED")) {
            f.row()
                    .dispatched(SWJ, IN_B, bj("2026-11-10T10:00"))
                    .set(r -> r.category = "020101")
                    .signedInTime()
                    .followedUp(true, rating)
                    .insert();
        }
        f.row()
                .dispatched(SWJ, IN_B, bj("2026-11-10T10:00"))
                .set(r -> r.category = "020101")
                .signedInTime()
                .followedUp(false, null)
                .insert();
        f.row()
                .dispatched(SWJ, IN_B, bj("2026-11-10T10:00"))
                .set(r -> r.category = "020101")
                .signedLate()
                .followedUp(true, "SATISFIED")
                .insert();
        // town A itself
        for (String rating : List.of("BASICALLY_SATISFIED", "BASICALLY_SATISFIED")) {
            f.row()
                    .dispatched(TOWN_A_UNIT, IN_A, bj("2026-11-15T10:00"))
                    .set(r -> r.category = "040101")
                    .signedInTime()
                    .followedUp(true, rating)
                    .insert();
        }
        f.row()
                .dispatched(TOWN_A_UNIT, IN_A, bj("2026-11-15T10:00"))
                .set(r -> r.category = "040101")
                .signedInTime()
                .insert();
        // town B itself
        case16 = f.row()
                .dispatched(TOWN_B_UNIT, IN_B, bj("2026-11-20T10:00"))
                .set(r -> r.category = "020101")
                .signedInTime()
                .set(r -> r.resolutionOverdue = true)
                .insert();
        f.row()
                .dispatched(TOWN_B_UNIT, IN_B, bj("2026-11-30T23:59"))
                .set(r -> r.category = "020101")
                .signedLate()
                .insert();
        // outside November, not dispatched, merged
        f.row()
                .dispatched(CGW, IN_A, bj("2026-10-31T23:30"))
                .signedInTime()
                .followedUp(true, "SATISFIED")
                .insert();
        f.row()
                .dispatched(TOWN_B_UNIT, IN_B, bj("2026-12-01T00:00"))
                .set(r -> r.category = "020101")
                .signedInTime()
                .insert();
        f.row()
                .dispatched(TOWN_A_UNIT, IN_A, bj("2026-11-15T10:00"))
                .set(r -> {
                    r.dispatched = null;
                    r.status = "RECEIVED";
                    r.category = "040101";
                })
                .insert();
        f.row()
                .dispatched(SWJ, IN_B, bj("2026-11-10T10:00"))
                .set(r -> r.category = "020101")
                .signedInTime()
                .followedUp(true, "SATISFIED")
                .set(r -> r.status = "MERGED")
                .insert();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static Map<String, RateRow> byKey(List<RateRow> rows) {
        return rows.stream().collect(Collectors.toMap(r -> String.valueOf(r.key()), Function.identity()));
    }

    @Test
    void theLeagueTableByUnitMatchesTheHandComputedFigures() {
        List<RateRow> rows = f.rates.byUnit(RatesFixture.OPERATOR, NOVEMBER);

        assertThat(rows).extracting(RateRow::key).containsExactly(TOWN_A_UNIT, SWJ, CGW, TOWN_B_UNIT);
        assertThat(rows).extracting(RateRow::rank).containsExactly(1, 2, 3, 4);
        Map<String, RateRow> by = byKey(rows);

        RateRow a = by.get(TOWN_A_UNIT);
        assertThat(List.of(
                        a.dispatched(),
                        a.signedInTime(),
                        a.followedUp(),
                        a.solved(),
                        a.rated(),
                        a.satisfied(),
                        a.basicallySatisfied()))
                .containsExactly(3L, 3L, 2L, 2L, 2L, 0L, 2L);
        assertThat(a.responseRate()).isCloseTo(1.0, within(1e-12));
        assertThat(a.resolutionRate()).isCloseTo(1.0, within(1e-12));
        assertThat(a.satisfactionRate()).isCloseTo(0.8, within(1e-12));
        assertThat(a.composite()).isCloseTo(0.91, within(1e-12));

        RateRow swj = by.get(SWJ);
        assertThat(List.of(
                        swj.dispatched(),
                        swj.signedInTime(),
                        swj.followedUp(),
                        swj.solved(),
                        swj.rated(),
                        swj.satisfied(),
                        swj.basicallySatisfied()))
                .containsExactly(5L, 4L, 5L, 4L, 4L, 3L, 1L);
        assertThat(swj.responseRate()).isCloseTo(0.8, within(1e-12));
        assertThat(swj.resolutionRate()).isCloseTo(0.8, within(1e-12));
        assertThat(swj.satisfactionRate()).isCloseTo(0.95, within(1e-12));
        assertThat(swj.composite()).isCloseTo(0.8675, within(1e-12));

        RateRow cgw = by.get(CGW);
        assertThat(List.of(
                        cgw.dispatched(),
                        cgw.signedInTime(),
                        cgw.followedUp(),
                        cgw.solved(),
                        cgw.rated(),
                        cgw.satisfied(),
                        cgw.basicallySatisfied()))
                .containsExactly(6L, 4L, 4L, 3L, 4L, 2L, 1L);
        assertThat(cgw.responseRate()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(cgw.resolutionRate()).isCloseTo(0.75, within(1e-12));
        assertThat(cgw.satisfactionRate()).isCloseTo(0.7, within(1e-12));
        assertThat(cgw.composite()).isCloseTo(0.1 * 2 / 3 + 0.3375 + 0.315, within(1e-12));

        RateRow b = by.get(TOWN_B_UNIT);
        assertThat(b.dispatched()).isEqualTo(2);
        assertThat(b.signedInTime()).isEqualTo(1);
        assertThat(b.responseRate()).isCloseTo(0.5, within(1e-12));
        assertThat(b.resolutionRate()).isNull();
        assertThat(b.satisfactionRate()).isNull();
        assertThat(b.composite()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void byTownAndByTopLevelCategoryGroupTheSameCases() {
        // Town A = cases 1-5, 7 (cgw) + 13-15: 9 dispatched, 7 in time, 6 followed, 5 solved, 6 rated, 2 满意, 3 基本满意.
        // Town B = cases 8-12 (swj) + 16, 17: 7 dispatched, 5 in time, 5 followed, 4 solved, 4 rated, 3 满意, 1 基本满意.
        Map<String, RateRow> towns = byKey(f.rates.byTown(RatesFixture.OPERATOR, NOVEMBER));
        assertThat(towns).containsOnlyKeys(RatesFixture.TOWN_A, RatesFixture.TOWN_B);
        RateRow a = towns.get(RatesFixture.TOWN_A);
        assertThat(List.of(
                        a.dispatched(),
                        a.signedInTime(),
                        a.followedUp(),
                        a.solved(),
                        a.rated(),
                        a.satisfied(),
                        a.basicallySatisfied()))
                .containsExactly(9L, 7L, 6L, 5L, 6L, 2L, 3L);
        assertThat(a.satisfactionRate()).isCloseTo((2 + 0.8 * 3) / 6, within(1e-12));
        RateRow b = towns.get(RatesFixture.TOWN_B);
        assertThat(List.of(b.dispatched(), b.signedInTime(), b.followedUp(), b.solved(), b.rated()))
                .containsExactly(7L, 5L, 5L, 4L, 4L);
        // 0.1 × 5/7 + 0.45 × 0.8 + 0.45 × 0.95 = 0.071428… + 0.36 + 0.4275
        assertThat(b.composite()).isCloseTo(0.1 * 5 / 7 + 0.36 + 0.4275, within(1e-12));
        assertThat(b.rank()).isEqualTo(1);
        assertThat(a.rank()).isEqualTo(2);

        // Top level = the first two characters: 03 (cgw, 030101 and 030201), 02 (swj and town B), 04 (town A).
        Map<String, RateRow> categories = byKey(f.rates.byCategory(RatesFixture.OPERATOR, NOVEMBER));
        assertThat(categories).containsOnlyKeys("02", "03", "04");
        assertThat(categories.get("03").dispatched()).isEqualTo(6);
        assertThat(categories.get("03").composite())
                .isCloseTo(
                        byKey(f.rates.byUnit(RatesFixture.OPERATOR, NOVEMBER))
                                .get(CGW)
                                .composite(),
                        within(1e-12));
        assertThat(categories.get("02").dispatched()).isEqualTo(7);
        assertThat(categories.get("04").dispatched()).isEqualTo(3);
    }

    @Test
    void periodsAreBeijingDaysByDispatchDate() {
        // Only case 17 (11-30 23:59 Beijing) on the last day; case 19 (15:59 UTC on the 30th + 1 minute) is December.
        Map<String, RateRow> lastDay =
                byKey(f.rates.byUnit(RatesFixture.OPERATOR, RatePeriod.day(LocalDate.of(2026, 11, 30))));
        assertThat(lastDay).containsOnlyKeys(TOWN_B_UNIT);
        assertThat(lastDay.get(TOWN_B_UNIT).dispatched()).isEqualTo(1);
        // Case 18 (10-31 23:30 Beijing, 15:30 UTC) belongs to October.
        Map<String, RateRow> october =
                byKey(f.rates.byUnit(RatesFixture.OPERATOR, RatePeriod.day(LocalDate.of(2026, 10, 31))));
        assertThat(october).containsOnlyKeys(CGW);
        assertThat(october.get(CGW).dispatched()).isEqualTo(1);
        Map<String, RateRow> december =
                byKey(f.rates.byUnit(RatesFixture.OPERATOR, RatePeriod.day(LocalDate.of(2026, 12, 1))));
        assertThat(december.get(TOWN_B_UNIT).dispatched()).isEqualTo(1);
    }

    @Test
    void aTownSeesOnlyItsDivisionsAndADepartmentOnlyItsUnit() {
        Map<String, RateRow> townA = byKey(f.rates.byUnit(RatesFixture.TOWN_A_LEADER, NOVEMBER));
        assertThat(townA).containsOnlyKeys(CGW, TOWN_A_UNIT);
        assertThat(townA.get(CGW).dispatched()).isEqualTo(6);
        assertThat(byKey(f.rates.byTown(RatesFixture.TOWN_A_LEADER, NOVEMBER))).containsOnlyKeys(RatesFixture.TOWN_A);

        Map<String, RateRow> water = byKey(f.rates.byUnit(RatesFixture.WATER_HEAD, NOVEMBER));
        assertThat(water).containsOnlyKeys(SWJ);
        assertThat(water.get(SWJ).dispatched()).isEqualTo(5);

        assertThatThrownBy(() -> f.rates.byUnit(RatesFixture.HANDLER, NOVEMBER)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void theTrendFillsEmptyStepsAndSumsToTheTable() {
        List<RateRow> days = f.rates.trend(
                RatesFixture.OPERATOR,
                RateDimension.UNIT,
                CGW,
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 4),
                Granularity.DAY);
        assertThat(days)
                .extracting(RateRow::key)
                .containsExactly("2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04");
        // 11-02: cases 1-4 (6 is excluded); 11-03: cases 5 and 7, one signed in time.
        assertThat(days).extracting(RateRow::dispatched).containsExactly(0L, 4L, 2L, 0L);
        assertThat(days.get(0).composite()).isNull();
        assertThat(days.get(2).responseRate()).isCloseTo(0.5, within(1e-12));

        // Weeks start on Monday: 10-26 holds case 18 (10-31), 11-02 holds cases 1-5 and 7.
        List<RateRow> weeks = f.rates.trend(
                RatesFixture.OPERATOR,
                RateDimension.UNIT,
                CGW,
                LocalDate.of(2026, 10, 28),
                LocalDate.of(2026, 11, 8),
                Granularity.WEEK);
        assertThat(weeks).extracting(RateRow::key).containsExactly("2026-10-26", "2026-11-02");
        assertThat(weeks).extracting(RateRow::dispatched).containsExactly(1L, 6L);

        List<RateRow> months = f.rates.trend(
                RatesFixture.OPERATOR,
                RateDimension.CATEGORY,
                "02",
                LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 12, 31),
                Granularity.MONTH);
        assertThat(months).extracting(RateRow::dispatched).containsExactly(0L, 7L, 1L);
        assertThat(months.get(1).composite())
                .isCloseTo(
                        byKey(f.rates.byTown(RatesFixture.OPERATOR, NOVEMBER))
                                .get(RatesFixture.TOWN_B)
                                .composite(),
                        within(1e-12));
    }

    @Test
    void theOverdueListHoldsOpenOverdueCasesWithinScope() {
        var all = f.rates.overdue(RatesFixture.OPERATOR, new PageRequest(0, 50));
        // Case 3 is overdue but closed; 7 (response) and 16 (resolution) are open.
        assertThat(all.items()).extracting(c -> c.id().value()).containsExactlyInAnyOrder(case7, case16);
        assertThat(all.total()).isEqualTo(2);
        var townA = f.rates.overdue(RatesFixture.TOWN_A_LEADER, new PageRequest(0, 50));
        assertThat(townA.items()).extracting(c -> c.id().value()).containsExactly(case7);
        assertThat(townA.items().get(0).responseOverdue()).isTrue();
    }

    @Test
    void badPeriodsAreRefused() {
        assertThatThrownBy(() -> new RatePeriod(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 1)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new RatePeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1)))
                .isInstanceOf(InvalidInput.class);
        Actor op = RatesFixture.OPERATOR;
        assertThatThrownBy(() -> f.rates.trend(
                        op,
                        RateDimension.UNIT,
                        CGW,
                        LocalDate.of(2020, 1, 1),
                        LocalDate.of(2026, 1, 1),
                        Granularity.DAY))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> f.rates.trend(
                        op,
                        RateDimension.UNIT,
                        " ",
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 1, 2),
                        Granularity.DAY))
                .isInstanceOf(InvalidInput.class);
    }
}
