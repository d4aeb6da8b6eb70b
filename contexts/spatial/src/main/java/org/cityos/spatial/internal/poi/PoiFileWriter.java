package org.cityos.spatial.internal.poi;

import java.io.OutputStream;
import java.util.List;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Poi;

/**
 * Writes POIs to a stream one at a time. The columns are those an import reads back (plus the
 * computed ones an import ignores), so an export can be edited and re-imported.
 */
public interface PoiFileWriter extends AutoCloseable {
    List<String> COLUMNS = List.of(
            "id",
            "external_id",
            "name",
            "class",
            "class_name",
            "lon",
            "lat",
            "crs",
            "address",
            "phone",
            "division_code",
            "grid_code",
            "synthetic",
            "attributes");

    /** {@code shown} is the location in the export's CRS; {@code className} the class's display name. */
    void write(Poi poi, GeoPoint shown, String className);

    /** Ends the document (closing brackets, workbook), without closing the underlying stream. */
    @Override
    void close();

    static PoiFileWriter open(PoiFileFormat format, OutputStream out, String crs) {
        return switch (format) {
            case CSV -> new CsvPoiWriter(out, crs);
            case XLSX -> new XlsxPoiWriter(out, crs);
            case GEOJSON -> new GeoJsonPoiWriter(out, crs);
        };
    }
}
