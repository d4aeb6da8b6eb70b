package org.cityos.simulator.world;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.cityos.kernel.GeoPoint;

/**
 * A synthetic ground height over the district, in metres: a gentle plain (Daxing falls from about 45 m to 15 m)
 * with seeded undulations, so that low spots exist where waterlogging sensors belong. Same seed, same ground.
 */
public final class Elevation {
    private static final int WAVES = 10;
    private final Geography.Box box;
    private final double[] amplitude = new double[WAVES];
    private final double[] fx = new double[WAVES];
    private final double[] fy = new double[WAVES];
    private final double[] px = new double[WAVES];
    private final double[] py = new double[WAVES];

    public Elevation(long seed, Geography.Box box) {
        this.box = box;
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EEDE1EL);
        for (int k = 0; k < WAVES; k++) {
            amplitude[k] = 3.0 / (k + 1);
            fx[k] = 2 * Math.PI * (1.5 + k * 3.5 + random.nextDouble());
            fy[k] = 2 * Math.PI * (1.3 + k * 3.7 + random.nextDouble());
            px[k] = random.nextDouble() * 2 * Math.PI;
            py[k] = random.nextDouble() * 2 * Math.PI;
        }
    }

    /** Height in metres at {@code p}. */
    public double at(GeoPoint p) {
        double x = (p.lon() - box.west()) / (box.east() - box.west());
        double y = (p.lat() - box.south()) / (box.north() - box.south());
        double h = 15 + 30 * y; // the plain tilts down to the south-east
        for (int k = 0; k < WAVES; k++) {
            h += amplitude[k] * Math.sin(fx[k] * x + px[k]) * Math.cos(fy[k] * y + py[k]);
        }
        return h;
    }

    /** A low spot: a local minimum, and how far it lies below the lowest of its neighbours. */
    public record LowSpot(GeoPoint at, double depthMetres) {}

    /** The {@code count} deepest local minima on a {@code grid × grid} sampling of the box, deepest first. */
    public List<LowSpot> lowSpots(int count, int grid) {
        double[][] h = new double[grid][grid];
        for (int i = 0; i < grid; i++) {
            for (int j = 0; j < grid; j++) {
                h[i][j] = at(point(i, j, grid));
            }
        }
        List<LowSpot> minima = new ArrayList<>();
        for (int i = 1; i < grid - 1; i++) {
            for (int j = 1; j < grid - 1; j++) {
                double lowestNeighbour = Double.MAX_VALUE;
                for (int di = -1; di <= 1; di++) {
                    for (int dj = -1; dj <= 1; dj++) {
                        if (di != 0 || dj != 0) {
                            lowestNeighbour = Math.min(lowestNeighbour, h[i + di][j + dj]);
                        }
                    }
                }
                if (h[i][j] < lowestNeighbour) {
                    minima.add(new LowSpot(point(i, j, grid), lowestNeighbour - h[i][j]));
                }
            }
        }
        minima.sort(Comparator.comparingDouble(LowSpot::depthMetres).reversed());
        if (minima.size() < count) {
            // More sensors than hollows: the rest go to the lowest remaining ground, as shallow spots.
            java.util.Set<GeoPoint> taken = new java.util.HashSet<>();
            minima.forEach(m -> taken.add(m.at()));
            List<int[]> cells = new ArrayList<>();
            for (int i = 0; i < grid; i++) {
                for (int j = 0; j < grid; j++) {
                    cells.add(new int[] {i, j});
                }
            }
            cells.sort(Comparator.comparingDouble(c -> h[c[0]][c[1]]));
            for (int k = 0; k < cells.size() && minima.size() < count; k++) {
                GeoPoint p = point(cells.get(k)[0], cells.get(k)[1], grid);
                if (taken.add(p)) {
                    minima.add(new LowSpot(p, 0.01));
                }
            }
        }
        return List.copyOf(minima.subList(0, Math.min(count, minima.size())));
    }

    private GeoPoint point(int i, int j, int grid) {
        double x = box.west() + (box.east() - box.west()) * (i + 0.5) / grid;
        double y = box.south() + (box.north() - box.south()) * (j + 0.5) / grid;
        return GeoPoint.of(x, y);
    }
}
