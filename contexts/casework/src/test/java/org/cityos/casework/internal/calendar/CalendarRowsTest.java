package org.cityos.casework.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.cityos.casework.CalendarImportRow;
import org.cityos.casework.DayKind;
import org.cityos.kernel.problem.FieldIssue;
import org.junit.jupiter.api.Test;

class CalendarRowsTest {
    @Test
    void aCsvWithHeaderQuotesAndChineseKindsIsRead() {
        CalendarCsv.Read read = CalendarCsv.read("\uFEFFdate,kind,name\r\n2027-01-01,休,元旦\r\n\r\n"
                + "2027-02-06,WORKDAY,\"春节调休上班, 周六\"\n2027-02-07,holiday,春节\n");
        assertThat(read.issues()).isEmpty();
        assertThat(read.rows()).extracting(CalendarImportRow::row).containsExactly(2, 4, 5);
        CalendarRows.Checked checked = CalendarRows.check(2027, read.rows());
        assertThat(checked.issues()).isEmpty();
        assertThat(checked.days()).hasSize(3);
        assertThat(checked.days().get(0).kind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(checked.days().get(1).name()).isEqualTo("春节调休上班, 周六");
        assertThat(checked.days().get(1).kind()).isEqualTo(DayKind.WORKDAY);
        assertThat(checked.days().get(2).date()).isEqualTo(LocalDate.of(2027, 2, 7));
    }

    @Test
    void everyFaultyRowIsReportedWithItsLineAndNoDayIsKept() {
        CalendarCsv.Read read = CalendarCsv.read("""
                2027-01-01,HOLIDAY,元旦
                2027-02-30,HOLIDAY,春节
                2026-12-31,HOLIDAY,跨年
                2027-01-01,WORKDAY,重复
                2027-03-01,NAP,午休
                2027-03-02,HOLIDAY,
                2027-03-03,HOLIDAY,a,b
                """);
        assertThat(read.issues()).extracting(FieldIssue::field).containsExactly("rows[7]");
        CalendarRows.Checked checked = CalendarRows.check(2027, read.rows());
        assertThat(checked.days()).isEmpty();
        assertThat(checked.issues())
                .extracting(FieldIssue::field, FieldIssue::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("rows[2].date", "casework.calendar.date"),
                        org.assertj.core.groups.Tuple.tuple("rows[3].date", "casework.calendar.outside-year"),
                        org.assertj.core.groups.Tuple.tuple("rows[4].date", "casework.calendar.duplicate"),
                        org.assertj.core.groups.Tuple.tuple("rows[5].kind", "casework.calendar.kind"),
                        org.assertj.core.groups.Tuple.tuple("rows[6].name", "casework.calendar.name"));
    }

    @Test
    void anEmptyImportIsRefusedBecauseItWouldEraseTheHolidays() {
        assertThat(CalendarRows.check(2027, List.of()).issues())
                .extracting(FieldIssue::messageKey)
                .containsExactly("casework.calendar.no-rows");
    }
}
