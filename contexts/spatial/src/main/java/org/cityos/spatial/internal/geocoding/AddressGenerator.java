package org.cityos.spatial.internal.geocoding;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.cityos.kernel.DivisionLevel;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.AddressEntry;
import org.cityos.spatial.Placement;
import org.cityos.spatial.Road;
import org.cityos.spatial.RoadClass;
import org.cityos.spatial.StandardAddress;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * Numbers houses along every road (odd on the left, even on the right, rising along the line) until
 * the wanted number of addresses is reached; a share of numbers are courtyards or named compounds
 * with buildings and units set back from the road. Deterministic from the seed.
 */
public final class AddressGenerator {
    private static final String COMPOUND_FIRST = "富康金华阳光锦绣幸福和平翠海明星嘉园怡馨";
    private static final String COMPOUND_SECOND = "强宁安泰悦景苑庭湾城晟鑫盛达";
    private static final String[] COMPOUND_END = {"小区", "家园", "花园", "嘉园", "公寓", "苑", "新村"};

    private final SplittableRandom random;
    private final Function<GeoPoint, Placement> placer;
    private final String district;
    private final List<AddressEntry> out = new ArrayList<>();

    private AddressGenerator(long seed, Function<GeoPoint, Placement> placer, String district) {
        this.random = new SplittableRandom(seed);
        this.placer = placer;
        this.district = district;
    }

    public static List<AddressEntry> generate(
            long seed, List<Road> roads, int count, Function<GeoPoint, Placement> placer, String district) {
        AddressGenerator generator = new AddressGenerator(seed, placer, district);
        int[] quotas = quotas(roads, count);
        Envelope all = new Envelope();
        roads.forEach(r -> all.expandToInclude(r.geometry().getEnvelopeInternal()));
        LocalMetres frame = new LocalMetres(all);
        for (int i = 0; i < roads.size(); i++) {
            if (quotas[i] > 0) {
                generator.number(roads.get(i), frame, quotas[i]);
            }
        }
        return List.copyOf(generator.out);
    }

    /** Addresses per road by length, busier for streets (largest remainder, so they add up exactly). */
    private static int[] quotas(List<Road> roads, int count) {
        double[] weights = new double[roads.size()];
        double total = 0;
        for (int i = 0; i < roads.size(); i++) {
            Road r = roads.get(i);
            double factor = switch (r.roadClass()) {
                case ARTERIAL -> 0.5;
                case STREET -> 1.0;
                case VILLAGE_ROAD -> 0.6;
            };
            weights[i] = r.lengthMetres() * factor;
            total += weights[i];
        }
        int[] quotas = new int[roads.size()];
        int given = 0;
        double[] remainders = new double[roads.size()];
        for (int i = 0; i < roads.size(); i++) {
            double exact = total == 0 ? 0 : count * weights[i] / total;
            quotas[i] = (int) exact;
            remainders[i] = exact - quotas[i];
            given += quotas[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < roads.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(remainders[b], remainders[a]));
        for (int k = 0; given < count && k < order.size(); k++, given++) {
            quotas[order.get(k)]++;
        }
        return quotas;
    }

    private record House(int buildings, int units, String compoundName, boolean courtyard) {
        int size() {
            return buildings * units;
        }
    }

    private void number(Road road, LocalMetres frame, int quota) {
        List<House> houses = new ArrayList<>();
        int planned = 0;
        while (planned < quota) {
            House h = house(road.roadClass());
            int room = quota - planned;
            if (h.size() > room) {
                h = new House(
                        Math.max(1, room / h.units()), Math.min(h.units(), room), h.compoundName(), h.courtyard());
                h = h.size() > room ? new House(1, room, h.compoundName(), h.courtyard()) : h;
            }
            houses.add(h);
            planned += h.size();
        }
        LineString local = (LineString) frame.toLocal(road.geometry());
        LengthIndexedLine line = new LengthIndexedLine(local);
        double length = local.getLength();
        int perSide = (houses.size() + 1) / 2;
        for (int k = 0; k < houses.size(); k++) {
            House h = houses.get(k);
            String number = Integer.toString(k + 1);
            double side = k % 2 == 0 ? 1 : -1;
            double along = length * ((k / 2) + 0.5) / perSide;
            for (int b = 1; b <= h.buildings(); b++) {
                for (int u = 1; u <= h.units(); u++) {
                    double at = clamp(along + (u - (h.units() + 1) / 2.0) * 8, length);
                    Coordinate c = line.extractPoint(at, side * (14 + 20 * (b - 1) + random.nextDouble() * 4));
                    boolean structured = h.size() > 1;
                    String compound =
                            h.compoundName() != null ? h.compoundName() : h.courtyard() ? number + "号院" : null;
                    StandardAddress parts = new StandardAddress(
                            district,
                            null,
                            null,
                            road.name(),
                            number,
                            compound,
                            structured ? Integer.toString(b) : null,
                            structured && h.units() > 1 ? Integer.toString(u) : null,
                            null);
                    add(road, parts, frame.toWgs84(c), frame.toWgs84(line.extractPoint(at)));
                }
            }
        }
    }

    private House house(RoadClass roadClass) {
        int r = random.nextInt(100);
        if (roadClass == RoadClass.VILLAGE_ROAD) {
            return new House(1, 1, null, r < 25);
        }
        if (r < 40) {
            return new House(1, 1, null, false);
        }
        if (r < 85) {
            return new House(1 + random.nextInt(6), 1 + random.nextInt(4), null, true);
        }
        String name = "" + COMPOUND_FIRST.charAt(random.nextInt(COMPOUND_FIRST.length()))
                + COMPOUND_SECOND.charAt(random.nextInt(COMPOUND_SECOND.length()))
                + COMPOUND_END[random.nextInt(COMPOUND_END.length)];
        return new House(1 + random.nextInt(4), 1 + random.nextInt(3), name, false);
    }

    private void add(Road road, StandardAddress parts, Coordinate at, Coordinate onRoad) {
        GeoPoint point = new GeoPoint(at.x, at.y);
        Placement placement = placer.apply(point);
        if (!placement.inside()) {
            GeoPoint fallback = new GeoPoint(onRoad.x, onRoad.y);
            Placement onLine = placer.apply(fallback);
            if (onLine.inside()) {
                point = fallback;
                placement = onLine;
            }
        }
        String town = name(placement, DivisionLevel.TOWN);
        String community = name(placement, DivisionLevel.COMMUNITY);
        StandardAddress address = new StandardAddress(
                parts.district(),
                town,
                community,
                parts.road(),
                parts.number(),
                parts.compound(),
                parts.building(),
                parts.unit(),
                null);
        List<String> aliases = address.compound() != null && !address.courtyard()
                ? List.of(address.compound() + address.houseText().replaceFirst("^[0-9]+号" + address.compound(), ""))
                : List.of();
        String divisionCode = placement.path().stream()
                .filter(d -> d.code().level() != DivisionLevel.GRID)
                .reduce((a, b) -> b)
                .map(d -> d.code().value())
                .orElse(null);
        out.add(new AddressEntry(
                out.size() + 1L,
                address,
                point,
                road.id(),
                placement.town().map(Object::toString).orElse(null),
                divisionCode,
                placement.grid().map(Object::toString).orElse(null),
                true,
                aliases));
    }

    private static String name(Placement placement, DivisionLevel level) {
        return placement.path().stream()
                .filter(d -> d.code().level() == level)
                .map(Placement.PlacedDivision::name)
                .findFirst()
                .orElse(null);
    }

    private static double clamp(double at, double length) {
        return Math.max(0, Math.min(length, at));
    }
}
