package org.cityos.spatial.internal.partition;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.DivisionKind;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** Reads the reference outline (GeoJSON) and town seats (CSV code12,name,lon,lat) the partition grows from. */
public final class ReferenceShapes {
    private ReferenceShapes() {}

    /** The union of every polygon in a GeoJSON geometry, feature or feature collection. */
    public static Geometry outline(InputStream geojson) throws IOException {
        try (Reader reader = new InputStreamReader(geojson, StandardCharsets.UTF_8)) {
            Geometry g = new GeoJsonReader(new GeometryFactory()).read(reader);
            return GeometryFixer.fix(g).union();
        } catch (ParseException e) {
            throw new IOException("not GeoJSON: " + e.getMessage(), e);
        }
    }

    /** Seats of the towns named in {@code kinds} (towns of the tree); other rows are ignored. */
    public static List<Seat> seats(InputStream csv, Map<DivisionCode, DivisionKind> kinds) throws IOException {
        List<Seat> seats = new ArrayList<>();
        try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                DivisionCode code = DivisionCode.of(r.get("code12"));
                if (kinds.containsKey(code)) {
                    seats.add(new Seat(
                            code,
                            r.get("name"),
                            kinds.get(code),
                            GeoPoint.of(Double.parseDouble(r.get("lon")), Double.parseDouble(r.get("lat")))));
                }
            }
        }
        return seats;
    }
}
