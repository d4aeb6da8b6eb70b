package org.cityos.spatial.internal.partition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.cityos.kernel.DivisionCode;
import org.cityos.spatial.DivisionKind;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Splits a district outline into synthetic towns (Voronoi cells around the towns' seats, clipped to
 * the outline), communities/villages (relaxed Voronoi cells of random sites within each town, their
 * number proportional to area) and grids (the same, within each community). Same inputs and seed,
 * same partition. The result is demo data and is labelled synthetic wherever it is shown.
 */
public final class SyntheticPartition {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final int RELAXATIONS = 1;

    private SyntheticPartition() {}

    /** How many communities in all and grids per community, on average. */
    public record Sizes(int communities, int gridsPerCommunity) {}

    public static Partition generate(long seed, Geometry outline, List<Seat> seats, Sizes sizes) {
        Random random = new Random(seed);
        Names names = new Names(random);
        List<Cell> towns = towns(outline, seats);
        double total = towns.stream().mapToDouble(t -> t.geometry().getArea()).sum();
        List<Cell> communities = new ArrayList<>();
        List<Cell> grids = new ArrayList<>();
        for (Cell town : towns) {
            int n = Math.max(
                    3, (int) Math.round(sizes.communities() * town.geometry().getArea() / total));
            List<Geometry> cells = split(town.geometry(), n, random);
            double mean = town.geometry().getArea() / cells.size();
            for (int i = 0; i < cells.size(); i++) {
                Geometry cell = cells.get(i);
                boolean village = isRural(town.kind()) && random.nextDouble() < 0.8;
                DivisionCode code = DivisionCode.of(town.code().prefix() + serial(i + 1));
                Cell community = new Cell(
                        code,
                        town.code(),
                        village ? DivisionKind.VILLAGE : DivisionKind.COMMUNITY,
                        names.community(village),
                        cell);
                communities.add(community);
                int m = Math.max(2, Math.min(15, (int) Math.round(sizes.gridsPerCommunity() * cell.getArea() / mean)));
                List<Geometry> gridCells = split(cell, m, random);
                for (int g = 0; g < gridCells.size(); g++) {
                    grids.add(new Cell(
                            DivisionCode.of(code.value() + serial(g + 1)),
                            code,
                            DivisionKind.GRID,
                            community.name() + "第" + (g + 1) + "网格",
                            gridCells.get(g)));
                }
            }
        }
        return new Partition(towns, communities, grids);
    }

    static List<Cell> towns(Geometry outline, List<Seat> seats) {
        List<Coordinate> sites = seats.stream()
                .map(s -> new Coordinate(s.point().lon(), s.point().lat()))
                .toList();
        List<Geometry> cells = voronoi(sites, outline);
        List<Cell> towns = new ArrayList<>();
        for (int i = 0; i < seats.size(); i++) {
            Geometry clipped = polygonal(cells.get(i).intersection(outline));
            if (!clipped.isEmpty()) {
                Seat s = seats.get(i);
                towns.add(new Cell(s.code(), s.code().parent().orElseThrow(), s.kind(), s.name(), clipped));
            }
        }
        towns.sort(Comparator.comparing(Cell::code));
        return towns;
    }

    /** {@code n} relaxed Voronoi cells of random sites inside {@code area}, clipped to it, in a stable order. */
    static List<Geometry> split(Geometry area, int n, Random random) {
        List<Coordinate> sites = randomSites(area, n, random);
        for (int r = 0; r < RELAXATIONS; r++) {
            List<Geometry> cells = voronoi(sites, area);
            List<Coordinate> relaxed = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                Geometry clipped = cells.get(i).intersection(area);
                relaxed.add(
                        clipped.isEmpty()
                                ? sites.get(i)
                                : clipped.getInteriorPoint().getCoordinate());
            }
            sites = relaxed;
        }
        List<Geometry> cells = voronoi(sites, area);
        List<Geometry> result = new ArrayList<>();
        for (Geometry cell : cells) {
            Geometry clipped = polygonal(cell.intersection(area));
            if (!clipped.isEmpty()) {
                result.add(clipped);
            }
        }
        // West to east, then south to north: serial numbers read like a map.
        result.sort(Comparator.comparingDouble(
                        (Geometry g) -> Math.round(g.getCentroid().getY() * 50) / -50.0)
                .thenComparingDouble(g -> g.getCentroid().getX()));
        return result;
    }

    private static List<Coordinate> randomSites(Geometry area, int n, Random random) {
        PreparedGeometry inside = PreparedGeometryFactory.prepare(area);
        Envelope e = area.getEnvelopeInternal();
        List<Coordinate> sites = new ArrayList<>();
        for (int attempts = 0; sites.size() < n && attempts < n * 1000; attempts++) {
            Coordinate c = new Coordinate(
                    e.getMinX() + random.nextDouble() * e.getWidth(),
                    e.getMinY() + random.nextDouble() * e.getHeight());
            if (inside.contains(GEOMETRY.createPoint(c))) {
                sites.add(c);
            }
        }
        return sites;
    }

    /** Voronoi cells in the order of the sites (the builder does not keep order; user data maps them back). */
    private static List<Geometry> voronoi(List<Coordinate> sites, Geometry clip) {
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(sites);
        Envelope envelope = new Envelope(clip.getEnvelopeInternal());
        envelope.expandBy(Math.max(envelope.getWidth(), envelope.getHeight()));
        builder.setClipEnvelope(envelope);
        Geometry diagram = builder.getDiagram(GEOMETRY);
        List<Geometry> ordered = new ArrayList<>();
        for (Coordinate site : sites) {
            Geometry match = GEOMETRY.createPolygon();
            for (int i = 0; i < diagram.getNumGeometries(); i++) {
                Geometry cell = diagram.getGeometryN(i);
                if (site.equals2D((Coordinate) cell.getUserData())) {
                    match = cell;
                    break;
                }
            }
            ordered.add(match);
        }
        return ordered;
    }

    private static Geometry polygonal(Geometry g) {
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(g);
        List<Polygon> kept =
                polygons.stream().filter(p -> !p.isEmpty() && p.getArea() > 0).toList();
        if (kept.isEmpty()) {
            return GEOMETRY.createPolygon();
        }
        return kept.size() == 1 ? kept.get(0) : GEOMETRY.createMultiPolygon(kept.toArray(Polygon[]::new));
    }

    private static boolean isRural(DivisionKind kind) {
        return kind == DivisionKind.TOWN || kind == DivisionKind.TOWNSHIP;
    }

    private static String serial(int n) {
        return String.format("%03d", n);
    }
}
