package org.cityos.simulator.world;

import org.cityos.kernel.GeoPoint;

/**
 * One simulated device: its serial (always {@code SIM-…}, the key the simulator knows it by), its type code, where
 * it stands, and what it is attached to.
 *
 * @param routeId the route a vehicle drives, or null
 * @param siteId the POI a site device watches (a hazardous-chemicals firm, a school …), or null
 * @param depthMetres how far a waterlogging point lies below its surroundings (0 elsewhere)
 */
public record SimDevice(
        String serial,
        String type,
        String name,
        GeoPoint at,
        String division,
        String routeId,
        String siteId,
        double depthMetres) {

    public SimDevice {
        if (!serial.startsWith("SIM-")) {
            throw new IllegalArgumentException("simulated serials start with SIM-: " + serial);
        }
    }
}
