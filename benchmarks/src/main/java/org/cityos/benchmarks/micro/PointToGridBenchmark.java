package org.cityos.benchmarks.micro;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.cityos.benchmarks.spatial.GridScan;
import org.cityos.benchmarks.spatial.ReferenceDistrict;
import org.cityos.benchmarks.spatial.SamplePoints;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Placement;
import org.cityos.spatial.internal.PlaceIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Point → place on the reference district's synthetic partition, built as a first start of CityOS
 * builds it: {@link PlaceIndex#locate} (STR-tree probe, then point-in-polygon on the few candidates,
 * district down to grid) next to a linear scan of every grid's prepared polygon. The points are
 * pre-generated and seeded: {@value #INSIDE_PERCENT}% inside the outline, the rest over its envelope.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PointToGridBenchmark {
    static final int POINTS = 1 << 16;
    static final int INSIDE_PERCENT = 90;
    static final long POINT_SEED = 7L;

    private PlaceIndex index;
    private GridScan scan;
    private GeoPoint[] points;

    /** Each thread walks the shared points from its own random start, so threads do not move in step. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        @Setup(Level.Trial)
        public void start() {
            next = new SplittableRandom(ThreadLocalRandom.current().nextLong()).nextInt(POINTS);
        }

        GeoPoint of(GeoPoint[] points) {
            return points[next++ & (POINTS - 1)];
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        ReferenceDistrict district = ReferenceDistrict.load();
        index = district.placeIndex();
        scan = new GridScan(district.grids());
        points = SamplePoints.within(district.outline(), POINTS, INSIDE_PERCENT / 100.0, POINT_SEED);
    }

    /** What {@code Places.locate} does per call: the whole path, district to grid. */
    @Benchmark
    public Placement locate(Cursor cursor) {
        return index.locate(cursor.of(points));
    }

    /** Baseline: no index, every grid's PreparedGeometry.covers in turn until one covers the point. */
    @Benchmark
    public Optional<DivisionCode> linearScan(Cursor cursor) {
        return scan.locate(cursor.of(points));
    }
}
