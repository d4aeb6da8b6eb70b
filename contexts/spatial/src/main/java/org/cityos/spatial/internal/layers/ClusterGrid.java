package org.cityos.spatial.internal.layers;

import org.cityos.kernel.problem.InvalidInput;

/**
 * The clustering grid of one zoom level: the Web Mercator tile grid of that zoom cut into
 * {@value #CELLS_PER_TILE}×{@value #CELLS_PER_TILE} cells per tile (64-pixel cells on 256-pixel tiles),
 * anchored at the world's corner so that a cell stays the same cell as the map pans.
 */
public final class ClusterGrid {
    public static final int CELLS_PER_TILE = 4;
    public static final int MIN_ZOOM = 0;
    public static final int MAX_ZOOM = 22;
    /** Web Mercator stops here; points beyond fall into the edge row. */
    static final double MAX_LAT = 85.0511287798066;

    private final int zoom;
    private final long cellsAcross;

    private ClusterGrid(int zoom) {
        this.zoom = zoom;
        this.cellsAcross = (1L << zoom) * CELLS_PER_TILE;
    }

    public static ClusterGrid at(int zoom) {
        if (zoom < MIN_ZOOM || zoom > MAX_ZOOM) {
            throw InvalidInput.of("zoom", "validation.range", MIN_ZOOM, MAX_ZOOM);
        }
        return new ClusterGrid(zoom);
    }

    public int zoom() {
        return zoom;
    }

    public long cellsAcross() {
        return cellsAcross;
    }

    /** Width of a cell in degrees of longitude. */
    public double cellWidthDegrees() {
        return 360.0 / cellsAcross;
    }

    /** Column of a longitude, 0 at 180°W. */
    public long column(double lon) {
        return clamp((long) Math.floor((lon + 180.0) / 360.0 * cellsAcross));
    }

    /** Row of a latitude, 0 at the top (north) as in tile numbering. */
    public long row(double lat) {
        return clamp((long) Math.floor(mercatorY(lat) * cellsAcross));
    }

    /** One number per cell; distinct cells get distinct keys (at most 2^24 cells across). */
    public long cell(double lon, double lat) {
        return column(lon) * cellsAcross + row(lat);
    }

    /** Web Mercator y scaled to [0, 1], 0 at the north edge. */
    static double mercatorY(double lat) {
        double clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
        double sin = Math.sin(Math.toRadians(clamped));
        return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
    }

    private long clamp(long index) {
        return Math.max(0, Math.min(cellsAcross - 1, index));
    }
}
