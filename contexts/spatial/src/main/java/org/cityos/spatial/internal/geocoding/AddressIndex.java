package org.cityos.spatial.internal.geocoding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.AddressEntry;
import org.cityos.spatial.AddressVocabulary;
import org.cityos.spatial.StandardAddress;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The gazetteer in memory: road names for fuzzy lookup, house numbers per road, and an STR-tree of
 * points for nearest-address queries. Immutable once built; answers never touch the database.
 */
public final class AddressIndex {
    private static final int ROAD_CANDIDATES = 6;
    private final List<AddressEntry> entries;
    private final List<StandardAddress> normalized;
    private final AddressTextParser parser;
    private final RoadNameIndex roads;
    private final List<Map<String, List<Integer>>> byNumber = new ArrayList<>();
    private final Map<String, List<Integer>> byCompound = new HashMap<>();
    private final STRtree points = new STRtree();
    private final double lonScale;

    /** An address with how well it fits the query (0..1). */
    public record Scored(AddressEntry entry, double confidence) {}

    /** The address nearest a point and how far it is. */
    public record Nearest(AddressEntry entry, double metres) {}

    public AddressIndex(List<AddressEntry> entries, AddressVocabulary vocabulary) {
        this.entries = List.copyOf(entries);
        this.parser = new AddressTextParser(vocabulary.including(entries));
        this.normalized = this.entries.stream()
                .map(e -> AddressScore.normalized(e.address()))
                .toList();
        Map<String, Integer> roadIds = new LinkedHashMap<>();
        double latSum = 0;
        for (AddressEntry e : this.entries) {
            latSum += e.point().lat();
        }
        lonScale = Math.cos(Math.toRadians(entries.isEmpty() ? 0 : latSum / entries.size()));
        for (int i = 0; i < this.entries.size(); i++) {
            AddressEntry e = this.entries.get(i);
            StandardAddress a = e.address();
            if (a.road() != null) {
                int road = roadIds.computeIfAbsent(RoadText.normalize(a.road()), k -> roadIds.size());
                if (road == byNumber.size()) {
                    byNumber.add(new HashMap<>());
                }
                byNumber.get(road)
                        .computeIfAbsent(a.number() == null ? "" : a.number(), k -> new ArrayList<>())
                        .add(i);
            }
            if (a.compound() != null && !a.courtyard()) {
                byCompound
                        .computeIfAbsent(RoadText.normalize(a.compound()), k -> new ArrayList<>())
                        .add(i);
            }
            double x = e.point().lon() * lonScale;
            points.insert(new Envelope(x, x, e.point().lat(), e.point().lat()), i);
        }
        points.build();
        this.roads = new RoadNameIndex(new ArrayList<>(roadIds.keySet()));
    }

    public int size() {
        return entries.size();
    }

    public StandardAddress parse(String text) {
        return parser.parse(text);
    }

    /** Ranked addresses for free text; empty when no road or compound is recognisable. */
    public List<Scored> search(String text, int limit) {
        StandardAddress q = parser.parse(text);
        Map<Integer, Double> scores = new HashMap<>();
        for (RoadNameIndex.Match road : roads.find(q.road(), ROAD_CANDIDATES)) {
            for (int id : candidates(road.road(), q.number())) {
                scores.merge(id, AddressScore.score(q, normalized.get(id), road.similarity()), Math::max);
            }
        }
        if (scores.isEmpty() && q.compound() != null) {
            for (int id : byCompound.getOrDefault(RoadText.normalize(q.compound()), List.of())) {
                scores.merge(id, AddressScore.score(q, normalized.get(id), 1.0), Math::max);
            }
        }
        double best = AddressScore.maximum(q);
        return scores.entrySet().stream()
                .sorted(Map.Entry.<Integer, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> new Scored(entries.get(e.getKey()), Math.max(0, Math.min(1, e.getValue() / best))))
                .toList();
    }

    /** The entries at the house number, or at the closest numbers of the road when it has no such number. */
    private List<Integer> candidates(int road, String number) {
        Map<String, List<Integer>> numbers = byNumber.get(road);
        if (number != null && numbers.containsKey(number)) {
            return numbers.get(number);
        }
        int wanted = number == null ? 1 : numeric(number);
        return numbers.entrySet().stream()
                .filter(e -> !e.getKey().isEmpty())
                .sorted(Comparator.comparingInt(
                                (Map.Entry<String, List<Integer>> e) -> Math.abs(numeric(e.getKey()) - wanted))
                        .thenComparing(Map.Entry::getKey))
                .limit(2)
                .flatMap(e -> e.getValue().stream())
                .toList();
    }

    private static int numeric(String number) {
        return number.matches("[0-9]{1,6}") ? Integer.parseInt(number) : 1_000_000;
    }

    public Optional<Nearest> nearest(GeoPoint p) {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        double x = p.lon() * lonScale;
        Object found = points.nearestNeighbour(
                new Envelope(x, x, p.lat(), p.lat()),
                -1,
                (a, b) -> ((Envelope) a.getBounds()).distance((Envelope) b.getBounds()));
        AddressEntry e = entries.get((Integer) Objects.requireNonNull(found));
        return Optional.of(new Nearest(e, e.point().distanceTo(p)));
    }
}
