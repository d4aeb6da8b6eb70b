package org.cityos.spatial.internal.poi;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Poi;
import tools.jackson.databind.json.JsonMapper;

/** Excel .xlsx written with POI's streaming workbook: only a window of rows is kept in memory. */
final class XlsxPoiWriter implements PoiFileWriter {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final Sheet sheet;
    private final String crs;
    private int next;

    XlsxPoiWriter(OutputStream out, String crs) {
        this.out = out;
        this.crs = crs;
        this.sheet = workbook.createSheet("POI");
        Row header = sheet.createRow(next++);
        for (int i = 0; i < COLUMNS.size(); i++) {
            header.createCell(i).setCellValue(COLUMNS.get(i));
        }
    }

    @Override
    public void write(Poi p, GeoPoint shown, String className) {
        Row row = sheet.createRow(next++);
        int c = 0;
        row.createCell(c++).setCellValue(p.id().toString());
        text(row, c++, p.externalId());
        row.createCell(c++).setCellValue(p.name());
        row.createCell(c++).setCellValue(p.classCode());
        text(row, c++, className);
        row.createCell(c++).setCellValue(shown.lon());
        row.createCell(c++).setCellValue(shown.lat());
        row.createCell(c++).setCellValue(crs);
        text(row, c++, p.address());
        text(row, c++, p.phone());
        row.createCell(c++).setCellValue(p.division().value());
        text(row, c++, p.grid() == null ? null : p.grid().value());
        row.createCell(c++).setCellValue(p.synthetic());
        text(row, c, p.attributes().isEmpty() ? null : JSON.writeValueAsString(p.attributes()));
    }

    private static void text(Row row, int column, String value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }

    @Override
    public void close() {
        try (workbook) {
            workbook.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
