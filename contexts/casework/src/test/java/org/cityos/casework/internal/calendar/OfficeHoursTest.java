package org.cityos.casework.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Office hours 09:00–12:00 and 13:30–18:00 over a plain Monday-to-Friday week (2026-03-09 is a Monday). */
class OfficeHoursTest {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Predicate<LocalDate> WEEKDAYS =
            d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    private final OfficeHours hours = OfficeHours.parse("09:00-12:00,13:30-18:00");

    @Test
    void aWorkingDayHasSevenAndAHalfHoursFromNine() {
        assertThat(hours.perDay()).isEqualTo(Duration.ofMinutes(450));
        assertThat(hours.opening()).hasToString("09:00");
    }

    @Test
    void theLunchBreakDoesNotCount() {
        assertThat(plus("2026-03-12T11:00", 2)).isEqualTo(at("2026-03-12T14:30"));
        assertThat(plus("2026-03-12T12:30", 1)).isEqualTo(at("2026-03-12T14:30"));
    }

    @Test
    void theEveningAndTheWeekendDoNotCount() {
        assertThat(plus("2026-03-12T17:00", 2)).isEqualTo(at("2026-03-13T10:00"));
        assertThat(plus("2026-03-12T20:00", 1)).isEqualTo(at("2026-03-13T10:00"));
        assertThat(plus("2026-03-13T17:00", 2)).isEqualTo(at("2026-03-16T10:00"));
        assertThat(plus("2026-03-14T10:00", 1)).isEqualTo(at("2026-03-16T10:00"));
    }

    @Test
    void anAmountEndingAtClosingTimeEndsThereNotAtTheNextOpening() {
        assertThat(plus("2026-03-12T16:00", 2)).isEqualTo(at("2026-03-12T18:00"));
        assertThat(plus("2026-03-12T09:00", 3)).isEqualTo(at("2026-03-12T12:00"));
    }

    @Test
    void minusIsTheMirrorOfPlus() {
        assertThat(minus("2026-03-16T10:00", 2)).isEqualTo(at("2026-03-13T17:00"));
        assertThat(minus("2026-03-12T14:30", 2)).isEqualTo(at("2026-03-12T11:00"));
        assertThat(minus("2026-03-12T20:00", 1)).isEqualTo(at("2026-03-12T17:00"));
        ZonedDateTime start = at("2026-03-12T10:15");
        for (int h = 1; h <= 40; h++) {
            ZonedDateTime end = hours.plus(start, Duration.ofHours(h), WEEKDAYS);
            assertThat(hours.minus(end, Duration.ofHours(h), WEEKDAYS)).isEqualTo(start);
            assertThat(hours.between(start, end, WEEKDAYS)).isEqualTo(Duration.ofHours(h));
        }
    }

    @Test
    void workingTimeBetweenCountsOnlyOfficeHours() {
        assertThat(hours.between(at("2026-03-13T17:00"), at("2026-03-16T10:00"), WEEKDAYS))
                .isEqualTo(Duration.ofHours(2));
        assertThat(hours.between(at("2026-03-09T00:00"), at("2026-03-16T00:00"), WEEKDAYS))
                .isEqualTo(Duration.ofMinutes(5 * 450));
        assertThat(hours.between(at("2026-03-16T10:00"), at("2026-03-13T17:00"), WEEKDAYS))
                .isEqualTo(Duration.ofHours(-2));
        assertThat(hours.between(at("2026-03-12T12:10"), at("2026-03-12T13:20"), WEEKDAYS))
                .isZero();
    }

    @Test
    void badOfficeHoursFailAtStart() {
        assertThatThrownBy(() -> OfficeHours.parse("13:30-18:00,09:00-12:00"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OfficeHours.parse("09:00-08:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OfficeHours.parse("nine to five")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OfficeHours.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(OfficeHours.parse("08:30-17:30").perDay()).isEqualTo(Duration.ofHours(9));
    }

    @Test
    void aCalendarWithoutWorkingDaysFailsInsteadOfLoopingForever() {
        assertThatThrownBy(() -> hours.plus(at("2026-03-12T10:00"), Duration.ofHours(1), d -> false))
                .isInstanceOf(IllegalStateException.class);
    }

    private ZonedDateTime plus(String start, int h) {
        return hours.plus(at(start), Duration.ofHours(h), WEEKDAYS);
    }

    private ZonedDateTime minus(String end, int h) {
        return hours.minus(at(end), Duration.ofHours(h), WEEKDAYS);
    }

    private static ZonedDateTime at(String local) {
        return LocalDateTime.parse(local).atZone(BEIJING);
    }
}
