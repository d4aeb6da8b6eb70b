package org.cityos.simulator.conditions;

import org.cityos.kernel.GeoPoint;

/**
 * What a scenario changes in the simulated city, and what the device models read on every report. Each call
 * replaces the previous setting of the same kind (and place); a zero ends it. Implementations are thread-safe:
 * scenarios set from their own thread while reporters read.
 */
public interface CityConditions {
    /** Rain over a disc, in mm per hour; rain gauges inside read it, waterlogging points at low spots fill. */
    void rain(GeoPoint centre, double radiusMetres, double millimetresPerHour);

    /** Added to every outdoor temperature, in °C (a cold snap is about -12). */
    void temperatureOffset(double celsius);

    /** Multiplies the fault probability of every device of a type (1 is normal, 0 silences faults). */
    void faultFactor(String deviceType, double factor);

    /** A leak at a site: gas detectors within the radius read up to the peak, falling with distance. */
    void gasLeak(GeoPoint site, double radiusMetres, double peakPpm);

    /** Moves a vehicle about this many metres off its route, and keeps it there; zero brings it back. */
    void offRoute(String vehicleId, double metres);
}
