package org.cityos.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityos.casework.CalendarFixture.OPERATOR;

import java.time.LocalDate;
import java.util.List;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Importing a year replaces exactly that year; a file with any faulty row changes nothing. */
class CalendarImportIT {
    static CalendarFixture f;

    @BeforeAll
    static void start() {
        f = new CalendarFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void aFaultyImportWritesNothingAndNamesEveryFaultyRow() {
        List<CalendarDay> before = f.days.year(OPERATOR, 2026).days();
        String csv = """
                date,kind,name
                2026-01-01,HOLIDAY,元旦
                2026-13-01,HOLIDAY,没有这个月
                2026-10-01,VACATION,国庆节
                """;
        assertThatThrownBy(() -> f.days.importCsv(OPERATOR, 2026, csv))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.fieldIssues())
                                .extracting(FieldIssue::field)
                                .containsExactly("rows[3].date", "rows[4].kind"));
        assertThat(f.days.year(OPERATOR, 2026).days()).isEqualTo(before);
        assertThat(f.calendar.workingDay(LocalDate.of(2026, 10, 5))).isFalse();
        assertThat(f.audited("casework.calendar.imported")).isZero();
    }

    @Test
    void anImportReplacesOnlyItsYear() {
        int days2026 = f.days.year(OPERATOR, 2026).days().size();
        String csv = "2027-01-01,HOLIDAY,元旦\n2027-10-01,休,国庆节\n2027-09-26,班,国庆节调休上班\n";
        CalendarYear imported = f.days.importCsv(OPERATOR, 2027, csv);
        assertThat(imported.days()).extracting(CalendarDay::date).first().isEqualTo(LocalDate.of(2027, 1, 1));
        // 261 weekdays in 2027, two of them holidays, one Sunday worked.
        assertThat(imported.workingDays()).isEqualTo(260);
        assertThat(f.calendar.workingDay(LocalDate.of(2027, 9, 26))).isTrue();
        assertThat(f.calendar.workingDay(LocalDate.of(2027, 10, 1))).isFalse();

        CalendarYear again =
                f.days.importRows(OPERATOR, 2027, List.of(new CalendarImportRow(1, "2027-10-01", "HOLIDAY", "国庆节")));
        assertThat(again.days()).hasSize(1);
        assertThat(f.calendar.workingDay(LocalDate.of(2027, 9, 26))).isFalse();
        assertThat(f.days.year(OPERATOR, 2027).days()).hasSize(1);
        assertThat(f.days.year(OPERATOR, 2026).days()).hasSize(days2026);
        assertThat(f.audited("casework.calendar.imported")).isEqualTo(2);
    }

    @Test
    void onlyConfiguratorsImportAndReadersRead() {
        assertThat(f.days.year(CalendarFixture.GRID_WORKER, 2026).workingDays()).isEqualTo(248);
        assertThatThrownBy(() -> f.days.importCsv(CalendarFixture.GRID_WORKER, 2026, "2026-01-01,HOLIDAY,元旦"))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> f.days.year(CalendarFixture.STEWARD, 2026)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void theYearDefaultsToTheCurrentOneInBeijing() {
        f.clock.set(CalendarFixture.bj("2027-01-01T00:30"));
        try {
            assertThat(f.days.year(OPERATOR, null).year()).isEqualTo(2027);
        } finally {
            f.clock.set(CalendarFixture.bj("2026-03-12T10:00"));
        }
    }
}
