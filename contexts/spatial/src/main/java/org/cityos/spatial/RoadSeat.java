package org.cityos.spatial;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;

/** The seat of a town-level division: where its street grid is densest. */
public record RoadSeat(DivisionCode code, String name, GeoPoint location) {

    /** Reads a seats list with the columns {@code code12,name,lon,lat}. */
    public static List<RoadSeat> readCsv(Reader reader) {
        List<RoadSeat> seats = new ArrayList<>();
        try {
            for (CSVRecord row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                seats.add(new RoadSeat(
                        DivisionCode.of(row.get("code12").strip()),
                        row.get("name").strip(),
                        new GeoPoint(
                                Double.parseDouble(row.get("lon").strip()),
                                Double.parseDouble(row.get("lat").strip()))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seats;
    }
}
