package org.cityos.casework.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityos.casework.DailyFigures;
import org.cityos.casework.HotSpot;
import org.cityos.casework.RateRow;

/**
 * The daily report as an Excel workbook: figures are written as numbers (rates as fractions with a percent format),
 * so the reader can sum and chart them.
 */
public final class DailyWorkbook {
    private DailyWorkbook() {}

    public static byte[] write(DailyFigures f) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book);
            summary(book.createSheet(DailyReportText.SUMMARY), f, styles);
            rates(book.createSheet(DailyReportText.RATES), f, styles);
            categories(book.createSheet(DailyReportText.CATEGORIES), f, styles);
            hotSpots(book.createSheet(DailyReportText.HOT_SPOTS), f, styles);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Styles(CellStyle bold, CellStyle percent) {
        Styles(XSSFWorkbook book) {
            this(book.createCellStyle(), book.createCellStyle());
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            percent.setDataFormat(book.createDataFormat().getFormat("0.00%"));
        }
    }

    private static void summary(Sheet s, DailyFigures f, Styles st) {
        text(s.createRow(0), 0, DailyReportText.title(f)).setCellStyle(st.bold());
        text(s.createRow(1), 0, DailyReportText.subtitle(f));
        int r = 3;
        r = pair(s, r, "受理", f.received());
        r = pair(s, r, "派遣", f.dispatched());
        r = pair(s, r, "办结", f.closed());
        r = pair(s, r, "超期", f.overdue());
        r++;
        text(s.createRow(r++), 0, "按渠道受理").setCellStyle(st.bold());
        for (DailyFigures.ChannelCount c : f.intake()) {
            r = pair(s, r, c.channel().nameZh(), c.count());
        }
        s.setColumnWidth(0, 20 * 256);
    }

    private static int pair(Sheet s, int r, String name, long value) {
        Row row = s.createRow(r);
        text(row, 0, name);
        row.createCell(1).setCellValue(value);
        return r + 1;
    }

    private static void rates(Sheet s, DailyFigures f, Styles st) {
        header(s.createRow(0), DailyReportText.RATE_HEADERS, st);
        int r = 1;
        for (RateRow x : f.units()) {
            Row row = s.createRow(r++);
            if (x.rank() != null) {
                row.createCell(0).setCellValue(x.rank());
            }
            text(row, 1, DailyReportText.orDash(x.key()));
            text(row, 2, DailyReportText.orDash(x.label()));
            long[] counts = {
                x.dispatched(),
                x.signedInTime(),
                x.followedUp(),
                x.solved(),
                x.rated(),
                x.satisfied(),
                x.basicallySatisfied()
            };
            for (int i = 0; i < counts.length; i++) {
                row.createCell(3 + i).setCellValue(counts[i]);
            }
            Double[] rates = {x.responseRate(), x.resolutionRate(), x.satisfactionRate(), x.composite()};
            for (int i = 0; i < rates.length; i++) {
                if (rates[i] != null) {
                    Cell c = row.createCell(10 + i);
                    c.setCellValue(rates[i]);
                    c.setCellStyle(st.percent());
                }
            }
        }
    }

    private static void categories(Sheet s, DailyFigures f, Styles st) {
        header(s.createRow(0), List.of("类别代码", "受理数"), st);
        int r = 1;
        for (DailyFigures.CategoryCount c : f.topCategories()) {
            Row row = s.createRow(r++);
            text(row, 0, DailyReportText.orDash(c.categoryCode()));
            row.createCell(1).setCellValue(c.count());
        }
    }

    private static void hotSpots(Sheet s, DailyFigures f, Styles st) {
        header(s.createRow(0), DailyReportText.HOT_SPOT_HEADERS, st);
        int r = 1;
        for (HotSpot h : f.hotSpots()) {
            Row row = s.createRow(r++);
            List<String> cells = DailyReportText.hotSpotCells(h);
            for (int i = 0; i < cells.size(); i++) {
                text(row, i, cells.get(i));
            }
            row.getCell(2).setCellValue(h.caseCount());
            row.getCell(3).setCellValue(h.lon());
            row.getCell(4).setCellValue(h.lat());
            row.getCell(5).setCellValue(h.radiusMetres());
        }
    }

    private static void header(Row row, List<String> names, Styles st) {
        for (int i = 0; i < names.size(); i++) {
            text(row, i, names.get(i)).setCellStyle(st.bold());
        }
    }

    private static Cell text(Row row, int column, String value) {
        Cell c = row.createCell(column);
        c.setCellValue(value);
        return c;
    }
}
