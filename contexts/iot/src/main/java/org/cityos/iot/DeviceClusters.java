package org.cityos.iot;

import java.util.List;

/**
 * The devices in a map's box at one zoom, gathered into square cells about {@code CELL_PIXELS} wide on screen: what a
 * map of 130,000 devices draws instead of 130,000 points. A cell holding one device names it, so the map can link
 * to it; zoomed in far enough every cell holds one.
 *
 * @param cellDegrees the cells' side in degrees of longitude and latitude
 * @param total the devices in the box (the sum of the counts)
 */
public record DeviceClusters(int zoom, double cellDegrees, long total, List<Cluster> clusters) {
    /** Cells are about this many screen pixels wide at the zoom asked for. */
    public static final int CELL_PIXELS = 64;
    /** No box may be cut into more cells than this (a box far larger than the screen at a high zoom). */
    public static final long MAX_CELLS = 40_000;

    public DeviceClusters {
        clusters = List.copyOf(clusters);
    }

    /**
     * One cell: where its devices are on average (WGS 84), how many, how many of them are faulty, and the device
     * when it is alone.
     */
    public record Cluster(double lon, double lat, long count, long faulty, DeviceId device) {}

    /** The side of a cell at {@code zoom}: CELL_PIXELS of a 256-pixel web-mercator tile, in degrees of longitude. */
    public static double cellDegrees(int zoom) {
        return CELL_PIXELS * 360.0 / (256.0 * Math.pow(2, zoom));
    }
}
