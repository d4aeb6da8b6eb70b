package org.cityos.iot;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.cityos.iot.internal.registry.DeviceColumns;
import org.cityos.iot.persistence.DeviceRepository;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.Crs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Device exports (CSV, Excel .xlsx) of what the caller may see, streamed row by row; the columns are
 * the import's, so an export can be re-imported (it adds nothing: vendor and serial exist).
 * Contacts and phones are masked as in every response.
 */
@Service
public class DeviceExports {
    private final DeviceRepository repository;

    public DeviceExports(DeviceRepository repository) {
        this.repository = repository;
    }

    /** Checks permission and format before anything is written, so refusals stay problem responses. */
    public Format prepare(Actor actor, String format) {
        actor.require(Permission.DEVICE_READ);
        try {
            return Format.valueOf(format.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw InvalidInput.of("format", "problem.device-export-format", String.valueOf(format));
        }
    }

    /** The file formats of an export. */
    public enum Format {
        CSV("text/csv", "devices.csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "devices.xlsx");

        public final String mediaType;
        public final String filename;

        Format(String mediaType, String filename) {
            this.mediaType = mediaType;
            this.filename = filename;
        }
    }

    @Transactional(readOnly = true)
    public void write(Actor actor, Format format, DeviceFilter filter, Crs crs, OutputStream out) throws IOException {
        actor.require(Permission.DEVICE_READ);
        DeviceScope scope = DeviceScope.of(actor);
        if (format == Format.CSV) {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF'); // Excel opens UTF-8 CSV correctly only with a byte-order mark.
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
            csv.printRecord(DeviceColumns.ALL);
            repository.forEach(filter, scope, d -> {
                try {
                    csv.printRecord(cells(d, crs));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            csv.flush();
            return;
        }
        try (SXSSFWorkbook book = new SXSSFWorkbook(500)) {
            Sheet sheet = book.createSheet("devices");
            int[] r = {0};
            Consumer<List<String>> line = cells -> {
                Row row = sheet.createRow(r[0]++);
                for (int i = 0; i < cells.size(); i++) {
                    row.createCell(i).setCellValue(cells.get(i));
                }
            };
            line.accept(DeviceColumns.ALL);
            repository.forEach(filter, scope, d -> line.accept(cells(d, crs)));
            book.write(out);
        }
    }

    static List<String> cells(Device d, Crs crs) {
        GeoPoint p = crs.fromWgs84(d.location());
        return List.of(
                d.id().value(),
                d.typeCode(),
                d.name(),
                nz(d.vendor()),
                nz(d.serial()),
                String.valueOf(p.lon()),
                String.valueOf(p.lat()),
                nz(d.address()),
                d.division().value(),
                d.department().value(),
                nz(d.maintainer().organisation()),
                nz(d.maintainer().maskedContact()),
                nz(d.maintainer().maskedPhone()),
                d.installedOn() == null ? "" : d.installedOn().toString(),
                d.state().name(),
                String.join(DeviceColumns.LIST_SEPARATOR, d.tags()),
                String.join(
                        DeviceColumns.LIST_SEPARATOR,
                        d.sharedWith().stream()
                                .map(DepartmentCode::value)
                                .sorted()
                                .toList()),
                d.parent() == null ? "" : d.parent().value());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
