package org.cityos.simulator.world;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.cityos.kernel.GeoPoint;

/** Places the devices of one plan by its rule; each type draws from its own seeded stream so types do not shift one another. */
final class DevicePlacer {
    private final long seed;
    private final Geography geo;
    private final Elevation elevation;
    private final RoadNet roads;
    private final List<Route> routes;
    private final List<GeoPoint> villages;

    DevicePlacer(long seed, Geography geo, Elevation elevation, RoadNet roads, List<Route> routes) {
        this.seed = seed;
        this.geo = geo;
        this.elevation = elevation;
        this.roads = roads;
        this.routes = routes;
        this.villages = villages(seed, geo);
    }

    List<SimDevice> place(DevicePlan plan, int count) {
        SplittableRandom random =
                new SplittableRandom(seed * 1_000_003L + plan.type().hashCode());
        List<SimDevice> out = new ArrayList<>(count);
        List<Elevation.LowSpot> lowSpots = plan.placement() == Placement.LOW_SPOT
                ? elevation.lowSpots(count * 4, 240).stream()
                        .filter(l -> geo.inside(l.at()))
                        .limit(count)
                        .toList()
                : List.of();
        List<Geography.Poi> sites = plan.siteClasses().stream()
                .flatMap(c -> geo.pois(c).stream())
                .sorted(Comparator.comparing(Geography.Poi::id))
                .toList();
        List<Route> ofType = routes.stream()
                .filter(r -> r.stopSpacingMetres() > 0 == plan.type().startsWith("bus"))
                .toList();
        for (int i = 0; i < count; i++) {
            Spot spot = null;
            for (int attempt = 0; attempt < 30 && (spot == null || !geo.inside(spot.at())); attempt++) {
                spot = draw(plan, i, count, random, lowSpots, sites, ofType);
            }
            for (int attempt = 0; attempt < 30 && !geo.inside(spot.at()); attempt++) {
                // The rule's own area lies outside the district (a corner cell of the spread grid): near a town.
                spot = new Spot(town(random), spot.route(), spot.site(), spot.depth());
            }
            GeoPoint at = Geo.clamp(spot.at(), geo.bounds());
            String serial = String.format("SIM-%s-%05d", plan.type(), i + 1);
            out.add(new SimDevice(
                    serial, plan.type(), serial, at, nearestDivision(at), spot.route(), spot.site(), spot.depth()));
        }
        return out;
    }

    private record Spot(GeoPoint at, String route, String site, double depth) {
        Spot(GeoPoint at) {
            this(at, null, null, 0);
        }
    }

    private Spot draw(
            DevicePlan plan,
            int i,
            int count,
            SplittableRandom random,
            List<Elevation.LowSpot> lowSpots,
            List<Geography.Poi> sites,
            List<Route> ofType) {
        return switch (plan.placement()) {
            case ROAD -> {
                Polyline road = roads.pick(random);
                yield new Spot(road.offset(random.nextDouble() * road.lengthMetres(), random.nextDouble(-8, 8)));
            }
            case JUNCTION -> {
                List<GeoPoint> pts = roads.pick(random).points();
                yield new Spot(pts.get(random.nextInt(pts.size())));
            }
            case LOW_SPOT -> {
                if (lowSpots.isEmpty()) {
                    yield new Spot(spread(i, count, random));
                }
                Elevation.LowSpot low = lowSpots.get(i % lowSpots.size());
                yield new Spot(low.at(), null, null, low.depthMetres());
            }
            case VILLAGE -> new Spot(around(villages.get(random.nextInt(villages.size())), 300, random));
            case SITE -> {
                if (sites.isEmpty()) {
                    yield new Spot(town(random));
                }
                Geography.Poi poi = sites.get(i % sites.size());
                yield new Spot(around(poi.at(), 60, random), null, poi.id(), 0);
            }
            case TOWN -> new Spot(town(random));
            case SPREAD -> new Spot(spread(i, count, random));
            case ROUTE -> {
                Route r = ofType.get((i / DevicePlan.BUSES_PER_ROUTE) % ofType.size());
                double start = r.path().lengthMetres() * (i % DevicePlan.BUSES_PER_ROUTE) / DevicePlan.BUSES_PER_ROUTE;
                yield new Spot(r.path().at(start), r.id(), null, 0);
            }
        };
    }

    private GeoPoint town(SplittableRandom random) {
        Geography.Division d =
                geo.divisions().get(random.nextInt(geo.divisions().size()));
        return around(d.centre(), 1500, random);
    }

    /** Stratified over a grid so a few stations still cover the district. */
    private GeoPoint spread(int i, int count, SplittableRandom random) {
        int side = (int) Math.ceil(Math.sqrt(count));
        Geography.Box b = geo.bounds();
        double x = b.west() + (b.east() - b.west()) * ((i % side) + random.nextDouble()) / side;
        double y = b.south() + (b.north() - b.south()) * ((i / side) + random.nextDouble()) / side;
        return GeoPoint.of(x, y);
    }

    private static GeoPoint around(GeoPoint centre, double sigmaMetres, SplittableRandom random) {
        return Geo.move(centre, gaussian(random) * sigmaMetres, gaussian(random) * sigmaMetres);
    }

    private static double gaussian(SplittableRandom random) {
        double u = Math.max(1e-12, random.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private String nearestDivision(GeoPoint p) {
        return geo.divisions().stream()
                .min(Comparator.comparingDouble(d -> d.centre().distanceTo(p)))
                .orElseThrow()
                .code();
    }

    /** Eight villages around each rural town's centre (every town if none is rural). */
    private static List<GeoPoint> villages(long seed, Geography geo) {
        List<Geography.Division> rural =
                geo.divisions().stream().filter(Geography.Division::rural).toList();
        List<Geography.Division> towns = rural.isEmpty() ? geo.divisions() : rural;
        SplittableRandom random = new SplittableRandom(seed ^ 0x7111A6E5L);
        List<GeoPoint> out = new ArrayList<>();
        for (Geography.Division d : towns) {
            for (int v = 0; v < 8; v++) {
                out.add(Geo.clamp(around(d.centre(), 2500, random), geo.bounds()));
            }
        }
        return out;
    }
}
