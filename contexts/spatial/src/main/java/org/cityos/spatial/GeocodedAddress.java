package org.cityos.spatial;

import org.cityos.kernel.GeoPoint;

/** One answer of forward geocoding: the address, its point in the requested CRS and how sure we are (0..1). */
public record GeocodedAddress(AddressEntry entry, GeoPoint point, Crs crs, double confidence) {}
