package org.cityos.spatial.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.BoundaryRow;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads boundary files: a GeoJSON FeatureCollection whose features carry the division code in
 * {@code properties.code}, or a CSV with columns {@code code,wkt}. A feature or row whose geometry
 * cannot be read becomes a row with the reason, so the report can name it.
 */
public final class BoundaryFiles {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private BoundaryFiles() {}

    public static List<BoundaryRow> read(InputStream in, String filename) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".geojson") || name.endsWith(".json")) {
                return geojson(in);
            }
            if (name.endsWith(".csv")) {
                return csv(in);
            }
        } catch (IOException | JacksonException e) {
            throw InvalidInput.of("file", "problem.unreadable-file", e.getMessage());
        }
        throw InvalidInput.of("file", "problem.unsupported-boundary-file", String.valueOf(filename));
    }

    static List<BoundaryRow> geojson(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        if (!"FeatureCollection".equals(root.path("type").asString(""))) {
            throw InvalidInput.of("file", "problem.not-a-feature-collection");
        }
        List<BoundaryRow> rows = new ArrayList<>();
        GeoJsonReader reader = new GeoJsonReader(GEOMETRY);
        JsonNode features = root.path("features");
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            JsonNode props = feature.path("properties");
            String code =
                    props.path("code").asString(props.path("division_code").asString(null));
            try {
                JsonNode geometry = feature.path("geometry");
                Geometry g = geometry.isMissingNode() || geometry.isNull() ? null : reader.read(geometry.toString());
                rows.add(new BoundaryRow(i + 1, code, g, null));
            } catch (ParseException | RuntimeException e) {
                rows.add(new BoundaryRow(i + 1, code, null, String.valueOf(e.getMessage())));
            }
        }
        return rows;
    }

    static List<BoundaryRow> csv(InputStream in) throws IOException {
        List<BoundaryRow> rows = new ArrayList<>();
        WKTReader wkt = new WKTReader(GEOMETRY);
        var format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .get();
        try (var parser = format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            if (!parser.getHeaderMap().containsKey("code")
                    || !parser.getHeaderMap().containsKey("wkt")) {
                throw InvalidInput.of("file", "problem.missing-header", "code,wkt");
            }
            for (CSVRecord r : parser) {
                String code = r.isSet("code") ? r.get("code") : null;
                try {
                    rows.add(new BoundaryRow(rows.size() + 1, code, wkt.read(r.get("wkt")), null));
                } catch (ParseException | RuntimeException e) {
                    rows.add(new BoundaryRow(rows.size() + 1, code, null, String.valueOf(e.getMessage())));
                }
            }
        }
        return rows;
    }
}
