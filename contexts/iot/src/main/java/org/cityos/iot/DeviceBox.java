package org.cityos.iot;

/** A box of WGS 84 longitudes and latitudes, west to east and south to north. */
public record DeviceBox(double minLon, double minLat, double maxLon, double maxLat) {
    public DeviceBox {
        if (!(minLon >= -180 && maxLon <= 180 && minLat >= -90 && maxLat <= 90 && minLon < maxLon && minLat < maxLat)) {
            throw new IllegalArgumentException("not a box of WGS 84 coordinates, west < east and south < north");
        }
    }
}
