package org.cityos.spatial.internal.geocoding;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cityos.spatial.Road;
import org.cityos.spatial.RoadClass;
import org.cityos.spatial.RoadSeat;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Lays out a synthetic network in local metres: bent arterials across the district and between
 * distant seats, a slightly rotated street grid around every seat (denser and wider for urban
 * subdistricts), and village roads that join scattered villages to the network; all clipped to the
 * outline shrunk by a margin so that houses beside them still fall inside.
 */
public final class RoadGenerator {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final double MARGIN_M = 250;
    private static final int VILLAGES = 150;

    private final SplittableRandom random;
    private final LocalMetres frame;
    private final Geometry area;
    private final PreparedGeometry preparedArea;
    private final List<Seat> seats = new ArrayList<>();
    private final RoadNames names;
    private final List<Road> roads = new ArrayList<>();
    private final List<LineString> localLines = new ArrayList<>();

    private record Seat(String shortName, Coordinate at, boolean urban) {}

    public RoadGenerator(long seed, Geometry outline, List<RoadSeat> roadSeats) {
        this.random = new SplittableRandom(seed);
        this.frame = new LocalMetres(outline.getEnvelopeInternal());
        this.area = frame.toLocal(outline).buffer(-MARGIN_M);
        this.preparedArea = PreparedGeometryFactory.prepare(area);
        List<String> shortNames = new ArrayList<>();
        for (RoadSeat s : roadSeats) {
            // Special zones (开发区, 机场) have no short name; their streets take generic names.
            String shortName = TownNames.shortName(s.name());
            shortName = shortName.equals(s.name()) ? null : shortName;
            shortNames.add(shortName);
            boolean urban = s.name().endsWith("街道") || s.name().endsWith("地区");
            seats.add(new Seat(
                    shortName, frame.toLocal(s.location().lon(), s.location().lat()), urban));
        }
        this.names = new RoadNames(
                random, shortNames.stream().filter(java.util.Objects::nonNull).toList());
    }

    public List<Road> generate() {
        arterials();
        for (Seat seat : seats) {
            streetGrid(seat);
        }
        villages();
        return List.copyOf(roads);
    }

    private void arterials() {
        Envelope e = area.getEnvelopeInternal();
        for (int i = 0; i < 4; i++) {
            double x = e.getMinX() + e.getWidth() * (0.15 + 0.7 * i / 3) + jitter(0.04 * e.getWidth());
            LineString line = bentLine(new Coordinate(x, e.getMinY() - 1000), new Coordinate(x, e.getMaxY() + 1000));
            add(line, RoadClass.ARTERIAL, 3000, null);
        }
        for (int i = 0; i < 4; i++) {
            double y = e.getMinY() + e.getHeight() * (0.15 + 0.7 * i / 3) + jitter(0.04 * e.getHeight());
            LineString line = bentLine(new Coordinate(e.getMinX() - 1000, y), new Coordinate(e.getMaxX() + 1000, y));
            add(line, RoadClass.ARTERIAL, 3000, "joining");
        }
        for (int i = 0; i < 3 && seats.size() > 1; i++) {
            Seat a = seats.get(random.nextInt(seats.size()));
            Seat b = seats.get(random.nextInt(seats.size()));
            if (a.at().distance(b.at()) > 12_000) {
                add(bentLine(a.at(), b.at()), RoadClass.ARTERIAL, 3000, "joining");
            }
        }
    }

    private void streetGrid(Seat seat) {
        if (!preparedArea.contains(GEOMETRY.createPoint(seat.at()))) {
            return;
        }
        double radius = seat.urban() ? 1600 : 900;
        boolean crowded = seats.stream().takeWhile(s -> s != seat).anyMatch(s -> s.at().distance(seat.at()) < 2500);
        radius *= crowded ? 0.6 : 1.0;
        double spacing = seat.urban() ? 320 : 300;
        double angle = jitter(0.3);
        Geometry disc = GEOMETRY.createPoint(seat.at()).buffer(radius, 16).intersection(area);
        int lines = (int) (radius / spacing);
        int named = 0;
        for (int axis = 0; axis < 2; axis++) {
            double theta = angle + axis * Math.PI / 2;
            for (int k = -lines; k <= lines; k++) {
                double offset = k * spacing + jitter(40);
                Coordinate from = rotate(seat.at(), -radius * 1.1, offset, theta);
                Coordinate to = rotate(seat.at(), radius * 1.1, offset, theta);
                String name = named < 3 && random.nextInt(2) == 0 ? names.ofTown(seat.shortName()) : null;
                if (add(clip(bentLine(from, to), disc), RoadClass.STREET, 250, name) && name != null) {
                    named++;
                }
            }
        }
    }

    private void villages() {
        Envelope e = area.getEnvelopeInternal();
        List<Coordinate> placed = new ArrayList<>();
        for (int attempt = 0; attempt < 20_000 && placed.size() < VILLAGES; attempt++) {
            Coordinate c = new Coordinate(
                    e.getMinX() + random.nextDouble() * e.getWidth(),
                    e.getMinY() + random.nextDouble() * e.getHeight());
            if (!preparedArea.contains(GEOMETRY.createPoint(c))
                    || seats.stream().anyMatch(s -> s.at().distance(c) < 2000)
                    || placed.stream().anyMatch(p -> p.distance(c) < 1200)) {
                continue;
            }
            placed.add(c);
            String village = names.village();
            Coordinate joint = nearestOnNetwork(c);
            if (joint != null && joint.distance(c) > 150) {
                Coordinate end = joint.distance(c) > 5000 ? towards(c, joint, 2000) : joint;
                add(bentLine(c, end), RoadClass.VILLAGE_ROAD, 300, names.ofVillage(village));
            }
            if (random.nextInt(10) < 6) {
                double theta = random.nextDouble() * Math.PI;
                double half = 300 + random.nextDouble() * 400;
                add(
                        bentLine(rotate(c, -half, 0, theta), rotate(c, half, 0, theta)),
                        RoadClass.VILLAGE_ROAD,
                        300,
                        names.ofVillage(village));
            }
        }
    }

    /** Adds the longest in-area piece of a line when long enough and named; false when dropped. */
    private boolean add(LineString local, RoadClass roadClass, double minLength, String nameOrRule) {
        if (local == null) {
            return false;
        }
        LineString piece = clip(local, area);
        if (piece == null || piece.getLength() < minLength) {
            return false;
        }
        String name = nameOrRule == null
                ? (roadClass == RoadClass.ARTERIAL ? names.arterial() : names.street())
                : nameOrRule.equals("joining")
                        ? names.joining(nearestSeat(piece.getStartPoint()), nearestSeat(piece.getEndPoint()))
                        : nameOrRule;
        localLines.add(piece);
        roads.add(new Road(roads.size() + 1L, name, roadClass, frame.toWgs84(piece), true));
        return true;
    }

    private static LineString clip(LineString line, Geometry within) {
        Geometry clipped = within.intersection(line);
        LineString longest = null;
        for (int i = 0; i < clipped.getNumGeometries(); i++) {
            if (clipped.getGeometryN(i) instanceof LineString part
                    && (longest == null || part.getLength() > longest.getLength())) {
                longest = part;
            }
        }
        return longest;
    }

    /** A line through a few intermediate points pushed sideways by a random walk: roads are never ruler-straight. */
    private LineString bentLine(Coordinate from, Coordinate to) {
        double length = from.distance(to);
        int steps = Math.max(2, (int) Math.min(10, length / 2500));
        double nx = -(to.y - from.y) / length;
        double ny = (to.x - from.x) / length;
        double sway = 0;
        Coordinate[] coords = new Coordinate[steps + 1];
        for (int i = 0; i <= steps; i++) {
            double t = (double) i / steps;
            double side = i == 0 || i == steps ? 0 : (sway = sway * 0.6 + jitter(Math.min(600, length * 0.03)));
            coords[i] =
                    new Coordinate(from.x + (to.x - from.x) * t + nx * side, from.y + (to.y - from.y) * t + ny * side);
        }
        return GEOMETRY.createLineString(coords);
    }

    private Coordinate nearestOnNetwork(Coordinate c) {
        Point p = GEOMETRY.createPoint(c);
        Coordinate best = null;
        double bestDistance = Double.MAX_VALUE;
        for (LineString line : localLines) {
            if (line.getEnvelopeInternal().distance(p.getEnvelopeInternal()) > bestDistance) {
                continue;
            }
            Coordinate[] pair = DistanceOp.nearestPoints(line, p);
            double d = pair[0].distance(c);
            if (d < bestDistance) {
                bestDistance = d;
                best = pair[0];
            }
        }
        return best;
    }

    private String nearestSeat(Point p) {
        Seat best = null;
        for (Seat s : seats) {
            if (s.shortName() == null) {
                continue;
            }
            if (best == null || s.at().distance(p.getCoordinate()) < best.at().distance(p.getCoordinate())) {
                best = s;
            }
        }
        return best == null ? null : best.shortName();
    }

    private static Coordinate towards(Coordinate from, Coordinate to, double distance) {
        double f = distance / from.distance(to);
        return new Coordinate(from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f);
    }

    private static Coordinate rotate(Coordinate centre, double along, double across, double theta) {
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        return new Coordinate(centre.x + along * cos - across * sin, centre.y + along * sin + across * cos);
    }

    private double jitter(double amplitude) {
        return (random.nextDouble() * 2 - 1) * amplitude;
    }
}
