package org.cityos.simulator.behaviour;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.conditions.CityConditions;

/**
 * The conditions as set by scenarios, read by the device models. Rain remembers when it began over a place, since
 * water gathers at low spots over time rather than at once.
 */
public final class LiveConditions implements CityConditions {
    private final Clock clock;
    private final UnaryOperator<String> vehicleKey;
    private final Map<Disc, Rain> rain = new ConcurrentHashMap<>();
    private final Map<Disc, Double> leaks = new ConcurrentHashMap<>();
    private final Map<String, Double> faultFactors = new ConcurrentHashMap<>();
    private final Map<String, Double> offRoute = new ConcurrentHashMap<>();
    private volatile double temperatureOffset;

    /**
     * @param vehicleKey turns the id a scenario names a vehicle by (a CityOS id or a serial) into its serial
     */
    public LiveConditions(Clock clock, UnaryOperator<String> vehicleKey) {
        this.clock = clock;
        this.vehicleKey = vehicleKey;
    }

    public LiveConditions(Clock clock) {
        this(clock, UnaryOperator.identity());
    }

    private record Disc(GeoPoint centre, double radiusMetres) {
        boolean covers(GeoPoint p) {
            return centre.distanceTo(p) <= radiusMetres;
        }
    }

    private record Rain(double mmPerHour, Instant since) {}

    @Override
    public void rain(GeoPoint centre, double radiusMetres, double millimetresPerHour) {
        Disc disc = new Disc(centre, radiusMetres);
        if (millimetresPerHour <= 0) {
            rain.remove(disc);
        } else {
            rain.merge(
                    disc,
                    new Rain(millimetresPerHour, clock.instant()),
                    (old, now) -> new Rain(now.mmPerHour(), old.since()));
        }
    }

    @Override
    public void temperatureOffset(double celsius) {
        temperatureOffset = celsius;
    }

    @Override
    public void faultFactor(String deviceType, double factor) {
        if (factor < 0) {
            throw new IllegalArgumentException("a fault factor is not negative: " + factor);
        }
        faultFactors.put(deviceType, factor);
    }

    @Override
    public void gasLeak(GeoPoint site, double radiusMetres, double peakPpm) {
        Disc disc = new Disc(site, radiusMetres);
        if (peakPpm <= 0) {
            leaks.remove(disc);
        } else {
            leaks.put(disc, peakPpm);
        }
    }

    @Override
    public void offRoute(String vehicleId, double metres) {
        String key = vehicleKey.apply(vehicleId);
        if (metres == 0) {
            offRoute.remove(key);
        } else {
            offRoute.put(key, metres);
        }
    }

    /** Rain falling on {@code p} now, in mm per hour (overlapping storms add up). */
    public double rainAt(GeoPoint p) {
        return rain.entrySet().stream()
                .filter(e -> e.getKey().covers(p))
                .mapToDouble(e -> e.getValue().mmPerHour())
                .sum();
    }

    /** How long it has been raining on {@code p} at {@code at}; zero when dry. */
    public Duration rainingFor(GeoPoint p, Instant at) {
        return rain.entrySet().stream()
                .filter(e -> e.getKey().covers(p))
                .map(e -> Duration.between(e.getValue().since(), at))
                .filter(d -> !d.isNegative())
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }

    public double temperatureOffset() {
        return temperatureOffset;
    }

    public double faultFactor(String deviceType) {
        return faultFactors.getOrDefault(deviceType, 1.0);
    }

    /** Gas at {@code p} from every leak it is within reach of: the peak at the site, falling linearly to the edge. */
    public double gasAt(GeoPoint p) {
        double ppm = 0;
        for (Map.Entry<Disc, Double> leak : leaks.entrySet()) {
            double d = leak.getKey().centre().distanceTo(p);
            if (d < leak.getKey().radiusMetres()) {
                ppm = Math.max(ppm, leak.getValue() * (1 - d / leak.getKey().radiusMetres()));
            }
        }
        return ppm;
    }

    /** How far off its route the vehicle with this serial has been sent; zero on route. */
    public double offRouteMetres(String serial) {
        return offRoute.getOrDefault(serial, 0.0);
    }
}
