package org.cityos.simulator.behaviour;

import java.util.Map;
import org.cityos.simulator.world.DeviceTypeSpec.PropertySpec;

/**
 * Where a healthy device's readings usually lie, narrower than the range a type declares as valid: a residual
 * current monitor that read a third of its 1,000 mA range would be in alarm all day.
 */
final class NormalRanges {
    private static final Map<String, double[]> BY_TYPE_PROPERTY = Map.ofEntries(
            Map.entry("smart-light-pole.voltage", range(215, 235)),
            Map.entry("smart-light-pole.current", range(0.3, 1.5)),
            Map.entry("electricity-meter.voltage", range(215, 235)),
            Map.entry("electricity-meter.power", range(0.2, 6)),
            Map.entry("hydrant-pressure.pressure", range(0.25, 0.45)),
            Map.entry("dust-monitor.pm10", range(40, 120)),
            Map.entry("dust-monitor.pm25", range(20, 70)),
            Map.entry("dust-monitor.noise", range(55, 78)),
            Map.entry("weather-station.pressure", range(1005, 1025)),
            Map.entry("greenhouse-climate.temperature", range(16, 30)),
            Map.entry("cold-chain-temperature.temperature", range(-20, -15)),
            Map.entry("parking-guidance-screen.availableSpots", range(0, 400)),
            Map.entry("roadside-parking-terminal.totalSpaces", range(40, 60)),
            Map.entry("roadside-parking-terminal.occupiedSpaces", range(5, 40)));

    private static final Map<String, double[]> BY_PROPERTY = Map.ofEntries(
            Map.entry("residualCurrent", range(5, 60)),
            Map.entry("cableTemperature", range(25, 45)),
            Map.entry("vocTotal", range(2, 15)),
            Map.entry("flowRate", range(500, 3000)),
            Map.entry("tsp", range(80, 200)),
            Map.entry("laeq", range(45, 70)),
            Map.entry("ph", range(6.8, 8.2)),
            Map.entry("dissolvedOxygen", range(5, 9)),
            Map.entry("turbidity", range(2, 30)),
            Map.entry("conductivity", range(300, 800)),
            Map.entry("codMn", range(2, 6)),
            Map.entry("ammonia", range(0.1, 1)),
            Map.entry("tiltAngle", range(0, 3)),
            Map.entry("smokeDensity", range(0, 0.05)),
            Map.entry("heartRate", range(60, 95)),
            Map.entry("co2", range(400, 900)),
            Map.entry("illuminance", range(0, 80_000)),
            Map.entry("soilMoisture", range(20, 40)),
            Map.entry("strain", range(-200, 200)),
            Map.entry("displacement", range(-5, 5)),
            Map.entry("deflection", range(-10, 10)),
            Map.entry("acceleration", range(-0.5, 0.5)),
            Map.entry("waterLevel", range(2, 4)),
            Map.entry("flow", range(10, 60)),
            Map.entry("windSpeed", range(0, 8)),
            Map.entry("windDirection", range(0, 360)),
            Map.entry("humidity", range(30, 80)),
            Map.entry("signalStrength", range(-95, -60)),
            Map.entry("connectedDevices", range(20, 200)),
            Map.entry("availableBikes", range(0, 20)),
            Map.entry("freeSlots", range(0, 20)),
            Map.entry("phase", range(0, 8)),
            Map.entry("fillLevel", range(5, 90)),
            Map.entry("pm25", range(10, 80)),
            Map.entry("pm10", range(20, 120)));

    private NormalRanges() {}

    /** The usual span of {@code property} of {@code type}, inside the declared range. */
    static double[] of(String type, PropertySpec property) {
        double[] usual = BY_TYPE_PROPERTY.get(type + "." + property.name());
        if (usual == null) {
            usual = BY_PROPERTY.get(property.name());
        }
        double min = property.min() == null ? 0 : property.min();
        double max = property.max() == null ? Math.max(min + 100, 100) : property.max();
        if (usual == null) {
            // Unknown quantity: the lower middle of its declared range.
            return range(min + 0.2 * (max - min), min + 0.45 * (max - min));
        }
        return range(Math.max(min, usual[0]), Math.min(max, usual[1]));
    }

    private static double[] range(double lo, double hi) {
        return new double[] {lo, hi};
    }
}
