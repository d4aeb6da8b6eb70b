package org.cityos.spatial;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cityos.kernel.GeoPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Plausible, clearly synthetic POIs for demos and benchmarks: the 24 seeded classes in realistic
 * proportions, Chinese names built from generic words (no real places), clustered around a few
 * centres inside the district outline like real towns. The same seed gives the same POIs; each
 * carries the external id {@code syn-<seed>-<n>} and the attribute {@code synthetic=true}; load them
 * with {@link Pois#placeAll} and {@code synthetic = true}.
 */
public final class SyntheticPois {
    public static final String DEFAULT_OUTLINE = "reference/boundaries/daxing_110115_county_boundary_osm.geojson";
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final double METRES_PER_DEGREE = 111_195;

    private SyntheticPois() {}

    public static List<PoiDraft> generate(long seed, int count, Geometry districtOutline) {
        if (count < 0 || districtOutline == null || districtOutline.isEmpty()) {
            throw new IllegalArgumentException("need a non-negative count and a district outline");
        }
        Random random = new Random(seed);
        PreparedGeometry inside = PreparedGeometryFactory.prepare(districtOutline);
        Envelope box = districtOutline.getEnvelopeInternal();
        List<Coordinate> centres = new ArrayList<>();
        for (int i = 0; i < Math.max(8, count / 2000); i++) {
            centres.add(uniform(random, inside, box));
        }
        int totalWeight = SyntheticPoiNames.CLASSES.stream()
                .mapToInt(SyntheticPoiNames.Kind::weight)
                .sum();
        List<PoiDraft> drafts = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            SyntheticPoiNames.Kind kind = pick(random, totalWeight);
            Coordinate at = random.nextDouble() < 0.65
                    ? clustered(random, inside, box, centres.get(random.nextInt(centres.size())))
                    : uniform(random, inside, box);
            String place = SyntheticPoiNames.word(random);
            drafts.add(new PoiDraft(
                    kind.code(),
                    kind.name(random, place),
                    new GeoPoint(round(at.x), round(at.y)),
                    SyntheticPoiNames.address(random, place),
                    random.nextDouble() < 0.4 ? String.format("010-6%07d", random.nextInt(10_000_000)) : null,
                    Map.of("synthetic", true),
                    "syn-" + seed + "-" + n));
        }
        return drafts;
    }

    /** Reads a GeoJSON outline (geometry, feature or feature collection) from the class path. */
    public static Geometry outline(String classpathResource) {
        try (InputStream in = SyntheticPois.class.getClassLoader().getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalArgumentException("no outline at classpath:" + classpathResource);
            }
            Geometry g = new GeoJsonReader().read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return g.union();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("outline is not GeoJSON: " + classpathResource, e);
        }
    }

    private static SyntheticPoiNames.Kind pick(Random random, int totalWeight) {
        int r = random.nextInt(totalWeight);
        for (SyntheticPoiNames.Kind k : SyntheticPoiNames.CLASSES) {
            r -= k.weight();
            if (r < 0) {
                return k;
            }
        }
        return SyntheticPoiNames.CLASSES.get(0);
    }

    private static Coordinate uniform(Random random, PreparedGeometry inside, Envelope box) {
        while (true) {
            Coordinate c = new Coordinate(
                    box.getMinX() + random.nextDouble() * box.getWidth(),
                    box.getMinY() + random.nextDouble() * box.getHeight());
            if (inside.covers(GEOMETRY.createPoint(c))) {
                return c;
            }
        }
    }

    /** Around a centre with a spread of about 1.5 km; falls back to uniform near the border. */
    private static Coordinate clustered(Random random, PreparedGeometry inside, Envelope box, Coordinate centre) {
        double sigma = 1500 / METRES_PER_DEGREE;
        for (int attempt = 0; attempt < 20; attempt++) {
            Coordinate c = new Coordinate(
                    centre.x + random.nextGaussian() * sigma / Math.cos(Math.toRadians(centre.y)),
                    centre.y + random.nextGaussian() * sigma);
            if (inside.covers(GEOMETRY.createPoint(c))) {
                return c;
            }
        }
        return uniform(random, inside, box);
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
