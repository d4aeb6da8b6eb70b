package org.cityos.simulator.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The synthetic district: every simulated device, the vehicle routes and the video-channel count, a pure function
 * of the seed, the scale and the geography (same inputs, same district).
 */
public record SyntheticDistrict(
        long seed, Scale scale, Geography geography, List<SimDevice> devices, List<Route> routes, int videoChannels) {

    public SyntheticDistrict {
        devices = List.copyOf(devices);
        routes = List.copyOf(routes);
    }

    public static SyntheticDistrict generate(long seed, Scale scale, Geography geo) {
        RoadNet roads = new RoadNet(geo);
        List<Route> routes = routes(seed, scale, roads);
        DevicePlacer placer = new DevicePlacer(seed, geo, new Elevation(seed, geo.bounds()), roads, routes);
        List<SimDevice> devices = new ArrayList<>();
        for (DevicePlan plan : DevicePlan.ALL) {
            devices.addAll(placer.place(plan, plan.count(scale)));
        }
        int video = scale == Scale.FULL ? DevicePlan.VIDEO_CHANNELS_FULL : DevicePlan.VIDEO_CHANNELS_SMALL;
        return new SyntheticDistrict(seed, scale, geo, devices, routes, video);
    }

    /** The ground of this district (derived from the seed, so not stored). */
    public Elevation elevation() {
        return new Elevation(seed, geography.bounds());
    }

    public Map<String, Long> countsByType() {
        return devices.stream().collect(Collectors.groupingBy(SimDevice::type, Collectors.counting()));
    }

    public List<SimDevice> devices(String type) {
        return devices.stream().filter(d -> d.type().equals(type)).toList();
    }

    public Map<String, Route> routesById() {
        return routes.stream().collect(Collectors.toMap(Route::id, Function.identity()));
    }

    /** Bus lines (stops every 500 m, about 10 km) and taxi beats (no stops), 10 vehicles to a route. */
    private static List<Route> routes(long seed, Scale scale, RoadNet roads) {
        SplittableRandom random = new SplittableRandom(seed ^ 0xB05L);
        List<Route> out = new ArrayList<>();
        int buses = ceilDiv(DevicePlan.of("bus-gps-terminal").count(scale), DevicePlan.BUSES_PER_ROUTE);
        for (int i = 0; i < buses; i++) {
            out.add(new Route(
                    String.format("SIM-L%03d", i + 1),
                    String.format("SIM-L%03d", i + 1),
                    roads.chain(random, 10_000),
                    500));
        }
        int taxis = ceilDiv(DevicePlan.of("taxi-gps-terminal").count(scale), DevicePlan.BUSES_PER_ROUTE);
        for (int i = 0; i < taxis; i++) {
            out.add(new Route(String.format("SIM-T%03d", i + 1), null, roads.chain(random, 15_000), 0));
        }
        return out;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
