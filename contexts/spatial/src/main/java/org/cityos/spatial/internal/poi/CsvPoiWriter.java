package org.cityos.spatial.internal.poi;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Poi;
import tools.jackson.databind.json.JsonMapper;

/** CSV in UTF-8 with a BOM (so Excel shows the Chinese names) and a header row. */
final class CsvPoiWriter implements PoiFileWriter {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Writer writer;
    private final CSVPrinter printer;
    private final String crs;

    CsvPoiWriter(OutputStream out, String crs) {
        try {
            this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            this.printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
            printer.printRecord(COLUMNS);
            this.crs = crs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(Poi p, GeoPoint shown, String className) {
        try {
            printer.printRecord(
                    p.id(),
                    p.externalId(),
                    p.name(),
                    p.classCode(),
                    className,
                    shown.lon(),
                    shown.lat(),
                    crs,
                    p.address(),
                    p.phone(),
                    p.division().value(),
                    p.grid() == null ? null : p.grid().value(),
                    p.synthetic(),
                    p.attributes().isEmpty() ? null : JSON.writeValueAsString(p.attributes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            printer.flush();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
