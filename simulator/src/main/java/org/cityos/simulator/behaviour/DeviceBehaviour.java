package org.cityos.simulator.behaviour;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.cityos.simulator.world.DeviceCatalogue;
import org.cityos.simulator.world.DeviceTypeSpec;
import org.cityos.simulator.world.DeviceTypeSpec.PropertySpec;
import org.cityos.simulator.world.SimDevice;
import org.cityos.simulator.world.SyntheticDistrict;

/**
 * What a simulated device reads at a moment. Every property of its type gets a value inside the type's declared
 * range: a usual level with a daily cycle, slow drift and noise; batteries decline; counters count. The types
 * scenarios act on (rain gauges, waterlogging points, heat pumps, gas detectors, vehicles, air stations) follow
 * their own models and the {@link LiveConditions}.
 */
public final class DeviceBehaviour {
    private static final Set<String> COUNTERS = Set.of("energy", "volume", "powerConsumption");
    private static final Set<String> MOSTLY_TRUE = Set.of("online", "recording");
    /** Chance per hour that an alarm-like flag is raised by a healthy device (false alarms exist). */
    private static final double FALSE_ALARM_PER_HOUR = 0.0002;
    /** Chance that a due report is skipped (radio loss, a busy gateway). */
    private static final double DROPOUT = 0.02;
    /** Chance that a device is silent for a whole day (flat battery, unplugged, out of coverage). */
    private static final double OFFLINE_DAY = 0.003;

    private final DeviceCatalogue catalogue;
    private final Noise noise;
    private final TypeModels models;

    public DeviceBehaviour(
            SyntheticDistrict district, DeviceCatalogue catalogue, LiveConditions conditions, AirQualityHistory air) {
        this.catalogue = catalogue;
        this.noise = new Noise(district.seed());
        this.models = new TypeModels(district, conditions, air, noise);
    }

    /** Whether the device sends its report due at {@code t}; false for a dropout. */
    public boolean reports(SimDevice device, Instant t) {
        long day = Math.floorDiv(t.getEpochSecond(), 86_400);
        if (noise.unit(device.serial(), "offline", day) < OFFLINE_DAY) {
            return false;
        }
        return noise.unit(device.serial(), "dropout", t.getEpochSecond()) >= DROPOUT;
    }

    /** Every property of the device's type at {@code t}, in the type's order. */
    public Map<String, Object> valuesAt(SimDevice device, Instant t) {
        DeviceTypeSpec type = catalogue.require(device.type());
        Map<String, Object> values = new LinkedHashMap<>();
        for (PropertySpec p : type.properties()) {
            values.put(p.name(), generic(device, p, t));
        }
        models.apply(device, t, values);
        for (PropertySpec p : type.properties()) {
            values.computeIfPresent(p.name(), (name, v) -> fit(p, v));
        }
        return values;
    }

    /** The properties of the type due at {@code t} for a device reporting every type interval from its phase. */
    public Map<String, Object> reportAt(SimDevice device, Instant t) {
        DeviceTypeSpec type = catalogue.require(device.type());
        Map<String, Object> all = valuesAt(device, t);
        int base = type.reportingIntervalSeconds();
        long sinceEpoch = t.getEpochSecond() + phaseSeconds(device, base);
        Map<String, Object> due = new LinkedHashMap<>();
        for (PropertySpec p : type.properties()) {
            if (Math.floorMod(sinceEpoch, p.reportingIntervalSeconds()) < base) {
                due.put(p.name(), all.get(p.name()));
            }
        }
        return due;
    }

    /** Devices of a type report spread over their interval rather than all at once. */
    public long phaseSeconds(SimDevice device, int intervalSeconds) {
        return (long) (noise.unit(device.serial(), "phase", 0) * intervalSeconds);
    }

    private Object generic(SimDevice d, PropertySpec p, Instant t) {
        String serial = d.serial();
        long seconds = t.getEpochSecond();
        return switch (p.dataType()) {
            case "BOOLEAN" -> {
                long hour = Math.floorDiv(seconds, 3600);
                boolean rare = noise.unit(serial, p.name(), hour) < FALSE_ALARM_PER_HOUR;
                yield MOSTLY_TRUE.contains(p.name()) ? !rare : rare;
            }
            case "ENUM" -> p.values().isEmpty() ? "" : p.values().get(0);
            case "STRING" -> "0";
            default -> number(d, p, seconds, t);
        };
    }

    private double number(SimDevice d, PropertySpec p, long seconds, Instant t) {
        String serial = d.serial();
        double days = seconds / 86_400.0;
        double max = p.max() == null ? 1e9 : p.max();
        if (p.name().equals("battery")) {
            double ratePerDay = 0.02 + 0.08 * noise.unit(serial, "battery-rate", 0);
            double start = 95 * noise.unit(serial, "battery-start", 0);
            return 100 - ((start + days * ratePerDay) % 95); // replaced when nearly flat
        }
        if (COUNTERS.contains(p.name())) {
            double perDay = 5 + 50 * noise.unit(serial, p.name() + "-rate", 0);
            return (days * perDay + 1000 * noise.unit(serial, p.name() + "-start", 0)) % max;
        }
        if (p.name().equals("steps")) {
            return 8000 * Weather.daytime(t) * (0.5 + noise.unit(serial, "steps", 0));
        }
        double[] usual = NormalRanges.of(d.type(), p);
        double span = usual[1] - usual[0];
        double base = usual[0] + span * (0.3 + 0.4 * noise.unit(serial, p.name() + "-base", 0));
        double daily = span * 0.2 * (Weather.daytime(t) - 0.5);
        double drift = span * 0.1 * noise.smooth(serial, p.name() + "-drift", days / 7);
        long bucket = Math.floorDiv(seconds, Math.max(1, p.reportingIntervalSeconds()));
        double jitter = span * 0.05 * noise.signed(serial, p.name(), bucket);
        return Math.max(usual[0], Math.min(usual[1], base + daily + drift + jitter));
    }

    /** Into the declared range, whole numbers for INTEGER, three decimals for NUMBER. */
    private static Object fit(PropertySpec p, Object value) {
        if (!(value instanceof Number n) || !p.numeric()) {
            return value;
        }
        double v = n.doubleValue();
        if (p.min() != null) {
            v = Math.max(p.min(), v);
        }
        if (p.max() != null) {
            v = Math.min(p.max(), v);
        }
        if (p.dataType().equals("INTEGER")) {
            return Math.round(v);
        }
        return Math.round(v * 1000) / 1000.0;
    }
}
