package org.cityos.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cityos.casework.CalendarFixture.bj;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seeded 2026 calendar (State Council schedule) and working-time arithmetic across its holidays. */
class WorkingCalendarIT {
    static CalendarFixture f;
    static WorkingCalendar calendar;

    @BeforeAll
    static void start() {
        f = new CalendarFixture();
        calendar = f.calendar;
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void holidaysAndMakeUpDaysOf2026() {
        // A holiday Monday and Thursday are rest days.
        assertThat(calendar.workingDay(LocalDate.of(2026, 10, 5))).isFalse();
        assertThat(calendar.workingDay(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(calendar.workingDay(LocalDate.of(2026, 2, 16))).isFalse();
        assertThat(calendar.workingDay(LocalDate.of(2026, 1, 2))).isFalse();
        assertThat(calendar.workingDay(LocalDate.of(2026, 4, 6))).isFalse();
        assertThat(calendar.workingDay(LocalDate.of(2026, 6, 19))).isFalse();
        assertThat(calendar.workingDay(LocalDate.of(2026, 9, 25))).isFalse();
        // Make-up Saturdays and Sundays are working days.
        assertThat(calendar.workingDay(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(calendar.workingDay(LocalDate.of(2026, 2, 28))).isTrue();
        assertThat(calendar.workingDay(LocalDate.of(2026, 1, 4))).isTrue();
        assertThat(calendar.workingDay(LocalDate.of(2026, 5, 9))).isTrue();
        assertThat(calendar.workingDay(LocalDate.of(2026, 9, 20))).isTrue();
        assertThat(calendar.workingDay(LocalDate.of(2026, 10, 10))).isTrue();
        // The default week elsewhere, and in years the table does not know.
        assertThat(calendar.workingDay(LocalDate.of(2026, 3, 12))).isTrue();
        assertThat(calendar.workingDay(LocalDate.of(2026, 3, 14))).isFalse();
        assertThat(calendar.workingDay(LocalDate.of(2027, 10, 1))).isTrue();
        // 261 weekdays, 19 of them holidays, 6 make-up days.
        assertThat(calendar.workingDays(2026)).isEqualTo(248);
    }

    @Test
    void workingDaysKeepTheClockTimeAndSkipNationalDay() {
        assertThat(calendar.addWorkingDays(bj("2026-09-30T10:00"), 1)).isEqualTo(bj("2026-10-08T10:00"));
        // 8th, 9th, then the make-up Saturday the 10th.
        assertThat(calendar.addWorkingDays(bj("2026-09-30T10:00"), 3)).isEqualTo(bj("2026-10-10T10:00"));
        assertThat(calendar.addWorkingDays(bj("2026-09-29T14:00"), 7)).isEqualTo(bj("2026-10-14T14:00"));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 10)))
                .isEqualTo(3);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 10, 10), LocalDate.of(2026, 9, 30)))
                .isEqualTo(-3);
    }

    @Test
    void workingDaysSkipSpringFestivalAndUseItsMakeUpSaturdays() {
        assertThat(calendar.addWorkingDays(bj("2026-02-13T15:00"), 1)).isEqualTo(bj("2026-02-14T15:00"));
        assertThat(calendar.addWorkingDays(bj("2026-02-13T15:00"), 2)).isEqualTo(bj("2026-02-24T15:00"));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 28)))
                .isEqualTo(6);
    }

    @Test
    void aStartOnAHolidayCountsFromTheNextWorkingDaysOpening() {
        assertThat(calendar.addWorkingDays(bj("2026-10-03T11:00"), 0)).isEqualTo(bj("2026-10-08T09:00"));
        assertThat(calendar.addWorkingDays(bj("2026-10-03T11:00"), 1)).isEqualTo(bj("2026-10-09T09:00"));
        assertThat(calendar.addWorkingHours(bj("2026-10-03T11:00"), Duration.ofHours(4)))
                .isEqualTo(bj("2026-10-08T14:30"));
    }

    @Test
    void workingHoursSkipLunchEveningsWeekendsAndHolidays() {
        assertThat(calendar.addWorkingHours(bj("2026-03-12T11:00"), Duration.ofHours(2)))
                .isEqualTo(bj("2026-03-12T14:30"));
        assertThat(calendar.addWorkingHours(bj("2026-03-13T17:00"), Duration.ofHours(2)))
                .isEqualTo(bj("2026-03-16T10:00"));
        assertThat(calendar.addWorkingHours(bj("2026-03-12T20:00"), Duration.ofHours(1)))
                .isEqualTo(bj("2026-03-13T10:00"));
        assertThat(calendar.addWorkingHours(bj("2026-03-12T16:00"), Duration.ofHours(2)))
                .isEqualTo(bj("2026-03-12T18:00"));
        // Qingming: Friday the 3rd, then the holiday Saturday to Monday.
        assertThat(calendar.addWorkingHours(bj("2026-04-03T17:00"), Duration.ofHours(2)))
                .isEqualTo(bj("2026-04-07T10:00"));
        assertThat(calendar.workingTimeBetween(bj("2026-04-03T17:00"), bj("2026-04-07T10:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(calendar.subtractWorkingHours(bj("2026-04-07T10:00"), Duration.ofHours(2)))
                .isEqualTo(bj("2026-04-03T17:00"));
    }

    @Test
    void limitsInEveryUnit() {
        var start = bj("2026-03-13T17:00");
        assertThat(calendar.plus(start, TimeLimit.parse("30m").orElseThrow())).isEqualTo(bj("2026-03-13T17:30"));
        assertThat(calendar.plus(start, TimeLimit.parse("24h").orElseThrow())).isEqualTo(bj("2026-03-14T17:00"));
        assertThat(calendar.plus(start, TimeLimit.parse("3d").orElseThrow())).isEqualTo(bj("2026-03-16T17:00"));
        assertThat(calendar.plus(start, TimeLimit.parse("4wh").orElseThrow())).isEqualTo(bj("2026-03-16T12:00"));
        assertThat(calendar.plus(start, TimeLimit.parse("2wd").orElseThrow())).isEqualTo(bj("2026-03-17T17:00"));
        assertThat(calendar.minus(bj("2026-03-17T17:00"), TimeLimit.parse("2wd").orElseThrow()))
                .isEqualTo(start);
    }

    @Test
    void aLocalChangeIsSeenAfterCommitAndAnotherNodesChangeBySomeCheck() {
        LocalDate day = LocalDate.of(2026, 11, 20);
        assertThat(calendar.workingDay(day)).isTrue();
        f.days.set(CalendarFixture.OPERATOR, day, "HOLIDAY", "区庆（测试）");
        assertThat(calendar.workingDay(day)).isFalse();
        assertThat(f.audited("casework.calendar.day-set")).isEqualTo(1);
        f.days.remove(CalendarFixture.OPERATOR, day);
        assertThat(calendar.workingDay(day)).isTrue();

        // Another node writes the table: this node does not know until it checks.
        LocalDate other = LocalDate.of(2026, 11, 27);
        f.jdbc.sql("INSERT INTO casework_calendar_day (day, kind, name, updated_by, updated_at)"
                        + " VALUES (?, 'HOLIDAY', '另一节点', 'node-2', now())")
                .params(other)
                .update();
        assertThat(calendar.workingDay(other)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !calendar.workingDay(other));
        f.jdbc.sql("DELETE FROM casework_calendar_day WHERE day = ?")
                .params(other)
                .update();
        await().atMost(Duration.ofSeconds(10)).until(() -> calendar.workingDay(other));
        calendar.refreshIfChanged();
        assertThat(calendar.refreshIfChanged()).as("nothing changed since").isFalse();
    }
}
