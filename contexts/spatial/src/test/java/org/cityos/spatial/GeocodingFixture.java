package org.cityos.spatial;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Placement.PlacedDivision;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The reference district's outline and seats from the classpath, and a stand-in for
 * {@code Places::locate}: inside the outline, a point belongs to the town of the nearest seat.
 */
public final class GeocodingFixture {
    public static final String CITY = "北京市";
    public static final String DISTRICT = "大兴区";
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static Geometry outline;
    private static List<RoadSeat> seats;
    private static RoadNetwork network;

    private GeocodingFixture() {}

    public static synchronized Geometry outline() {
        if (outline == null) {
            outline = Gazetteer.readOutline(resource("reference/boundaries/daxing_110115_county_boundary_osm.geojson"));
        }
        return outline;
    }

    public static synchronized List<RoadSeat> seats() {
        if (seats == null) {
            seats = RoadSeat.readCsv(
                    new java.io.StringReader(resource("reference/divisions/daxing_township_seats_approx.csv")));
        }
        return seats;
    }

    public static synchronized RoadNetwork network() {
        if (network == null) {
            network = RoadNetwork.generate(42, outline(), seats());
        }
        return network;
    }

    public static Function<GeoPoint, Placement> placer() {
        PreparedGeometry inside = PreparedGeometryFactory.prepare(outline());
        List<RoadSeat> all = seats();
        PlacedDivision district =
                new PlacedDivision(DivisionCode.of("110115000000"), DISTRICT, DivisionKind.DISTRICT, false);
        return p -> {
            if (!inside.covers(GEOMETRY.createPoint(new Coordinate(p.lon(), p.lat())))) {
                return Placement.outside(p);
            }
            RoadSeat seat = all.stream()
                    .min(Comparator.comparingDouble(s -> s.location().distanceTo(p)))
                    .orElseThrow();
            return new Placement(
                    p, true, List.of(district, new PlacedDivision(seat.code(), seat.name(), DivisionKind.TOWN, false)));
        };
    }

    public static AddressVocabulary vocabulary() {
        return new AddressVocabulary(
                List.of(CITY), DISTRICT, seats().stream().map(RoadSeat::name).toList(), List.of());
    }

    private static String resource(String path) {
        try (InputStream in = GeocodingFixture.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
