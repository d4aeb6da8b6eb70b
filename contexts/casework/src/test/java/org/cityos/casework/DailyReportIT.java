package org.cityos.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityos.casework.RatesFixture.IN_A;
import static org.cityos.casework.RatesFixture.IN_B;
import static org.cityos.casework.RatesFixture.bj;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityos.kernel.problem.InvalidInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The daily report of 2026-11-24 (Beijing) over a small day:
 *
 * <pre>
 * received that day: 3 hotline, 2 grid (one of them outside the day in UTC terms: 11-24 07:00 BJ = 11-23 23:00 UTC)
 * dispatched that day: 4 (the five above minus one not dispatched); one more on 11-23 (closed on the 24th)
 * closed that day: 1; overdue at the day's end: 2 (one unsigned past its response deadline, one unreplied past
 * resolution); plus 5 cases of 030101 at one place → 1 hot spot.
 * </pre>
 */
class DailyReportIT {
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static RatesFixture f;

    @BeforeAll
    static void seed() {
        f = new RatesFixture("2026-11-25T02:00:00Z");
        // Received and dispatched on the 24th, signed in time.
        for (int i = 0; i < 3; i++) {
            int n = i;
            f.row()
                    .dispatched("dept:cgw", IN_A, bj("2026-11-24T09:00").plusSeconds(60L * n))
                    .signedInTime()
                    .set(r -> {
                        r.lon = 116.34 + n * 0.0002;
                        r.lat = 39.73;
                    })
                    .insert();
        }
        // A grid report at 07:00 Beijing (23:00 UTC on the 23rd), never signed: response overdue at the day's end.
        f.row()
                .dispatched("town:" + RatesFixture.TOWN_B, IN_B, bj("2026-11-24T07:00"))
                .set(r -> {
                    r.channel = "GRID";
                    r.received = bj("2026-11-24T07:00");
                    r.category = "020101";
                })
                .insert();
        // A grid report not dispatched yet.
        f.row()
                .dispatched("centre:110115000000", IN_B, bj("2026-11-24T20:00"))
                .set(r -> {
                    r.channel = "GRID";
                    r.dispatched = null;
                    r.responseDue = null;
                    r.resolutionDue = null;
                    r.status = "RECEIVED";
                    r.category = "020101";
                })
                .insert();
        // Dispatched on the 19th, signed, not replied by its resolution deadline (the 24th 10:00): overdue.
        f.row()
                .dispatched("dept:swj", IN_B, bj("2026-11-19T10:00"))
                .signedInTime()
                .set(r -> r.category = "020101")
                .insert();
        // Dispatched on the 23rd, closed on the 24th (satisfied).
        f.row()
                .dispatched("dept:swj", IN_B, bj("2026-11-22T12:00"))
                .signedInTime()
                .followedUp(true, "SATISFIED")
                .set(r -> r.category = "020101")
                .insert();
        // Two more at the place of the first three, for a hot spot.
        for (int i = 0; i < 2; i++) {
            int n = i;
            f.row()
                    .dispatched("dept:cgw", IN_A, bj("2026-11-23T09:00").plusSeconds(60L * n))
                    .signedInTime()
                    .set(r -> {
                        r.lon = 116.3401 + n * 0.0002;
                        r.lat = 39.7302;
                    })
                    .insert();
        }
        f.detector.detect();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void theFiguresOfTheDay() {
        DailyFigures d = f.reports.figures(RatesFixture.OPERATOR, DAY);
        assertThat(d.received()).isEqualTo(5);
        assertThat(d.intake())
                .containsExactly(
                        new DailyFigures.ChannelCount(Channel.HOTLINE, 3),
                        new DailyFigures.ChannelCount(Channel.GRID, 2));
        assertThat(d.dispatched()).isEqualTo(4);
        assertThat(d.closed()).isEqualTo(1);
        assertThat(d.overdue()).isEqualTo(2);
        assertThat(d.topCategories().get(0)).isEqualTo(new DailyFigures.CategoryCount("030101", 3));
        assertThat(d.hotSpots())
                .singleElement()
                .satisfies(h -> assertThat(h.caseCount()).isEqualTo(5));
        assertThat(d.ratesPeriod()).isEqualTo(new RatePeriod(LocalDate.of(2026, 11, 1), DAY));
        assertThat(d.units()).extracting(RateRow::key).contains("dept:cgw", "dept:swj");

        // Town A's view: only its three hotline cases of the day.
        DailyFigures a = f.reports.figures(RatesFixture.TOWN_A_LEADER, DAY);
        assertThat(a.received()).isEqualTo(3);
        assertThat(a.overdue()).isZero();

        assertThatThrownBy(() -> f.reports.figures(RatesFixture.OPERATOR, LocalDate.of(2026, 11, 26)))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void theWorkbookHasTheSheetsAndFigures() throws Exception {
        byte[] xlsx = f.reports.excel(RatesFixture.OPERATOR, DAY);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(4);
            assertThat(book.getSheetName(0)).isEqualTo("概况");
            assertThat(book.getSheetName(1)).isEqualTo("三率排名");
            assertThat(book.getSheetName(2)).isEqualTo("高发类别");
            assertThat(book.getSheetName(3)).isEqualTo("高频诉求");
            Sheet summary = book.getSheet("概况");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("城市运行管理日报（2026-11-24）");
            assertThat(value(summary, "受理")).isEqualTo(5);
            assertThat(value(summary, "派遣")).isEqualTo(4);
            assertThat(value(summary, "办结")).isEqualTo(1);
            assertThat(value(summary, "超期")).isEqualTo(2);
            assertThat(value(summary, "12345热线")).isEqualTo(3);
            Sheet rates = book.getSheet("三率排名");
            assertThat(rates.getRow(0).getCell(10).getStringCellValue()).isEqualTo("响应率");
            assertThat(rates.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(book.getSheet("高发类别").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("030101");
            assertThat(book.getSheet("高频诉求").getRow(1).getCell(2).getNumericCellValue())
                    .isEqualTo(5);
        }
    }

    @Test
    void thePdfParsesShowsTheChineseTitleAndEmbedsItsFont() throws Exception {
        byte[] pdf = f.reports.pdf(RatesFixture.OPERATOR, DAY);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("城市运行管理日报")
                    .contains("三率排名")
                    .contains("高频诉求")
                    .contains("12345热线 3");
            PDResources resources = doc.getPage(0).getResources();
            java.util.List<String> names = new java.util.ArrayList<>();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertThat(font).isInstanceOf(PDType0Font.class);
                PDType0Font type0 = (PDType0Font) font;
                // Embedded TrueType (FontFile2), as a subset: the name carries the six-letter subset tag.
                assertThat(type0.getDescendantFont().getFontDescriptor().getFontFile2())
                        .isNotNull();
                assertThat(font.getName()).matches("[A-Z]{6}\\+.*");
                names.add(font.getName());
            }
            assertThat(names).anySatisfy(n -> assertThat(n).contains("DroidSansFallback"));
        }
        // A subset, not the 4 MB font.
        assertThat(pdf.length).isLessThan(400_000);
    }

    private static double value(Sheet sheet, String name) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && name.equals(row.getCell(0).getStringCellValue()) && row.getCell(1) != null) {
                return row.getCell(1).getNumericCellValue();
            }
        }
        throw new AssertionError(name + " not in " + sheet.getSheetName());
    }
}
