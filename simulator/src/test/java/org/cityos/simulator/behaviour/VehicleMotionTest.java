package org.cityos.simulator.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.world.Route;
import org.cityos.simulator.world.SampleGeography;
import org.cityos.simulator.world.Scale;
import org.cityos.simulator.world.SimDevice;
import org.cityos.simulator.world.SyntheticDistrict;
import org.cityos.testkit.MutableClock;
import org.junit.jupiter.api.Test;

class VehicleMotionTest {
    private static final SyntheticDistrict DISTRICT =
            SyntheticDistrict.generate(7, Scale.SMALL, SampleGeography.daxing());
    private final MutableClock clock = MutableClock.at("2026-11-24T00:00:00Z");
    private final LiveConditions conditions = new LiveConditions(clock);
    private final DeviceBehaviour behaviour =
            new DeviceBehaviour(DISTRICT, Catalogue.seed(), conditions, AirQualityHistory.load());

    @Test
    void vehiclesStayOnTheirRouteMoveAndStopAtPlausibleSpeeds() {
        for (SimDevice v : vehicles()) {
            Route route = DISTRICT.routesById().get(v.routeId());
            int moving = 0;
            int stopped = 0;
            GeoPoint previous = null;
            int moved = 0;
            for (int i = 0; i < 200; i++) {
                Map<String, Object> fix = behaviour.valuesAt(v, clock.instant().plusSeconds(15L * i));
                GeoPoint at = point(fix);
                assertThat(route.path().distanceFrom(at)).as(v.serial()).isLessThan(2);
                double speed = (double) fix.get("speed");
                assertThat(speed).isBetween(0.0, 60.0);
                if (speed > 0) {
                    moving++;
                } else {
                    stopped++;
                }
                if (previous != null && previous.distanceTo(at) > 1) {
                    moved++;
                }
                previous = at;
            }
            assertThat(moving).isGreaterThan(100);
            assertThat(moved).isGreaterThan(100);
            if (v.type().startsWith("bus")) {
                assertThat(stopped).as("a bus dwells at its stops").isPositive();
            }
        }
    }

    @Test
    void aVehicleSentOffRouteStaysOffUntilBroughtBack() {
        SimDevice bus = DISTRICT.devices("bus-gps-terminal").get(1);
        Route route = DISTRICT.routesById().get(bus.routeId());
        conditions.offRoute(bus.serial(), 400);
        for (int i = 0; i < 20; i++) {
            Instant t = clock.instant().plusSeconds(60L * i);
            assertThat(route.path().distanceFrom(point(behaviour.valuesAt(bus, t))))
                    .isBetween(300.0, 500.0);
        }
        SimDevice other = DISTRICT.devices("bus-gps-terminal").get(0);
        assertThat(route.path().distanceFrom(point(behaviour.valuesAt(other, clock.instant()))))
                .isLessThan(2);
        conditions.offRoute(bus.serial(), 0);
        assertThat(route.path().distanceFrom(point(behaviour.valuesAt(bus, clock.instant()))))
                .isLessThan(2);
    }

    private static java.util.List<SimDevice> vehicles() {
        return DISTRICT.devices().stream().filter(d -> d.routeId() != null).toList();
    }

    private static GeoPoint point(Map<String, Object> fix) {
        return GeoPoint.of((double) fix.get("longitude"), (double) fix.get("latitude"));
    }
}
