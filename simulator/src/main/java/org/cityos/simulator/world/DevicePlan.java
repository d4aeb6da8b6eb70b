package org.cityos.simulator.world;

import java.util.List;

/**
 * How many devices of each type the district has and where they go. The full counts follow the seed scale (about
 * 130,000 devices, 50,000 heat-pump households, 600 buses, 300 taxis); the small plan keeps every type with a
 * few hundred devices in all.
 *
 * @param siteClasses the POI classes a {@link Placement#SITE} type stands at
 */
public record DevicePlan(String type, Placement placement, int full, int small, List<String> siteClasses) {

    /** Video channels at full scale: records only, they do not report telemetry. */
    public static final int VIDEO_CHANNELS_FULL = 39_000;

    public static final int VIDEO_CHANNELS_SMALL = 40;

    public static final int BUSES_PER_ROUTE = 10;

    public int count(Scale scale) {
        return scale == Scale.FULL ? full : small;
    }

    private static DevicePlan of(String type, Placement placement, int full, String... siteClasses) {
        return new DevicePlan(type, placement, full, Math.max(1, (full + 399) / 400), List.of(siteClasses));
    }

    private static DevicePlan of(String type, Placement placement, int full, int small) {
        return new DevicePlan(type, placement, full, small, List.of());
    }

    public static final List<DevicePlan> ALL = List.of(
            of("heat-pump-controller", Placement.VILLAGE, 50_000),
            of("smart-light-pole", Placement.ROAD, 18_000),
            of("electricity-meter", Placement.TOWN, 9_000),
            of("water-meter", Placement.TOWN, 9_000),
            of("gas-meter", Placement.TOWN, 6_000),
            of("smoke-detector", Placement.SITE, 6_000, "elderly-care", "school"),
            of("parking-space-sensor", Placement.ROAD, 6_000),
            of("manhole-tilt", Placement.ROAD, 5_000),
            of("trash-bin-fill", Placement.ROAD, 3_000),
            of("elderly-wearable", Placement.SITE, 3_000, "elderly-care"),
            of("elderly-emergency-button", Placement.SITE, 2_000, "elderly-care"),
            of("camera", Placement.ROAD, 2_000),
            of("electrical-fire-monitor", Placement.SITE, 1_500, "mall", "school", "hospital", "elderly-care"),
            of("hydrant-pressure", Placement.ROAD, 1_500),
            of("gateway", Placement.TOWN, 1_200),
            of("gas-leak-detector", Placement.SITE, 1_200, "hazmat-enterprise"),
            of("cold-chain-temperature", Placement.SITE, 800, "farmers-market"),
            of("bus-gps-terminal", Placement.ROUTE, 600, 4),
            of("taxi-gps-terminal", Placement.ROUTE, 300, 2),
            of("soil-moisture", Placement.VILLAGE, 600),
            of("greenhouse-climate", Placement.VILLAGE, 400),
            of("traffic-signal-controller", Placement.JUNCTION, 400),
            of("waterlogging-level", Placement.LOW_SPOT, 300, 6),
            of("roadside-parking-terminal", Placement.ROAD, 300),
            of("bike-dock", Placement.TOWN, 300),
            of("air-micro-station", Placement.TOWN, 300),
            of("noise-monitor", Placement.TOWN, 150),
            of("dust-monitor", Placement.TOWN, 150),
            of("rain-gauge", Placement.SPREAD, 120, 4),
            of("parking-guidance-screen", Placement.ROAD, 100),
            of("voc-monitor", Placement.SITE, 80, "hazmat-enterprise"),
            of("bridge-health", Placement.ROAD, 60),
            of("water-quality", Placement.SPREAD, 40),
            of("river-level", Placement.SPREAD, 40),
            of("weather-station", Placement.SPREAD, 30),
            of("air-quality-station", Placement.TOWN, 6, 3));

    public static DevicePlan of(String type) {
        return ALL.stream()
                .filter(p -> p.type().equals(type))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no plan for device type " + type));
    }
}
