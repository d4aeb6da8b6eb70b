package org.cityos.simulator.behaviour;

import java.time.Instant;
import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.world.Route;

/**
 * Where a vehicle is on its route at a moment: back and forth along the path at its cruising speed, slower in the
 * rush hours, and (buses) dwelling at a stop every stop spacing. A pure function of time, so any moment can be
 * asked without replaying the ones before it.
 */
final class VehicleMotion {
    private static final double DWELL_SECONDS = 30;

    /** A GPS fix: position, speed in km/h, heading in degrees. */
    record Fix(GeoPoint at, double speedKmh, double heading) {}

    private VehicleMotion() {}

    /**
     * @param cruiseKmh the vehicle's speed between stops
     * @param phaseSeconds where in its cycle the vehicle was at the epoch, so vehicles on one route spread out
     * @param offRouteMetres sideways displacement from the route (a detour), zero on route
     */
    static Fix at(Route route, Instant t, double cruiseKmh, double phaseSeconds, double offRouteMetres) {
        double length = route.path().lengthMetres();
        double v = cruiseKmh / 3.6 * rushHourFactor(t);
        double spacing = route.stopSpacingMetres() > 0 ? route.stopSpacingMetres() : length;
        double dwell = route.stopSpacingMetres() > 0 ? DWELL_SECONDS : 0;
        int legs = (int) Math.ceil(length / spacing);
        double legTime = spacing / v + dwell;
        double oneWay = legs * legTime;
        double tau = floorMod(t.getEpochSecond() + t.getNano() / 1e9 + phaseSeconds, 2 * oneWay);
        boolean back = tau >= oneWay;
        double inWay = back ? tau - oneWay : tau;
        int leg = (int) Math.min(legs - 1, Math.floor(inWay / legTime));
        double inLeg = inWay - leg * legTime;
        double travelled;
        double speed;
        if (inLeg < spacing / v) {
            travelled = leg * spacing + inLeg * v;
            speed = v * 3.6;
        } else {
            travelled = (leg + 1) * spacing;
            speed = 0;
        }
        travelled = Math.min(travelled, length);
        if (travelled >= length) {
            speed = 0;
        }
        double along = back ? length - travelled : travelled;
        double heading = route.path().headingAt(along);
        if (back) {
            heading = (heading + 180) % 360;
        }
        GeoPoint at = route.path().offset(along, offRouteMetres);
        return new Fix(at, speed, heading);
    }

    /** Traffic: 60 % of cruising speed in the morning and evening peaks. */
    private static double rushHourFactor(Instant t) {
        double h = Weather.hourOfDay(t);
        return (h >= 7 && h < 9) || (h >= 17 && h < 19) ? 0.6 : 1.0;
    }

    private static double floorMod(double a, double b) {
        double r = a % b;
        return r < 0 ? r + b : r;
    }
}
