package org.cityos.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.internal.poi.PoiPolygons;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Every spatial and name query against a brute-force answer over the same 800 synthetic POIs. */
class PoiSearchIT {
    static PoiFixture f;
    static List<Poi> all;

    @BeforeAll
    static void load() {
        f = new PoiFixture();
        Geometry outline = SyntheticPois.outline(SyntheticPois.DEFAULT_OUTLINE);
        List<PoiDraft> drafts = new ArrayList<>(SyntheticPois.generate(7, 800, outline));
        drafts.add(new PoiDraft("hospital", "大兴区人民医院", new GeoPoint(116.33, 39.73), null, null, Map.of(), "real-1"));
        drafts.add(new PoiDraft("hospital", "北大人民医院大兴院区", new GeoPoint(116.56, 39.62), null, null, Map.of(), null));
        drafts.add(new PoiDraft("restaurant", "人民食堂", new GeoPoint(116.40, 39.62), null, null, Map.of(), null));
        f.pois.placeAll(Actor.system("test"), drafts, "test", true);
        all = f.search
                .search(Actor.system("test"), null, PoiFilter.any(), PageRequest.of(0, 1000))
                .items();
        assertThat(all).hasSize(803);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void nearestEqualsBruteForceForManyPointsAndK() {
        Random random = new Random(11);
        for (int i = 0; i < 40; i++) {
            GeoPoint q = new GeoPoint(116.22 + random.nextDouble() * 0.48, 39.45 + random.nextDouble() * 0.37);
            int k = 1 + random.nextInt(i % 4 == 0 ? 200 : 20);
            List<PoiHit> hits = f.search.nearest(PoiFixture.STEWARD, q, k, null);
            assertThat(hits).extracting(h -> h.poi().id()).isEqualTo(bruteForce(q, all, k));
            assertThat(hits.get(0).distanceM())
                    .isEqualTo(q.distanceTo(hits.get(0).poi().location()));
        }
    }

    @Test
    void nearestHonoursClassAndScope() {
        GeoPoint q = new GeoPoint(116.45, 39.65);
        List<Poi> schools =
                all.stream().filter(p -> p.classCode().equals("school")).toList();
        assertThat(f.search.nearest(PoiFixture.STEWARD, q, 5, "school"))
                .extracting(h -> h.poi().id())
                .isEqualTo(bruteForce(q, schools, 5));
        List<Poi> east =
                all.stream().filter(p -> PoiFixture.EAST.contains(p.division())).toList();
        assertThat(f.search.nearest(PoiFixture.EAST_READER, q, 25, null))
                .extracting(h -> h.poi().id())
                .isEqualTo(bruteForce(q, east, 25));
        assertThatThrownBy(() -> f.search.nearest(PoiFixture.STEWARD, q, 201, null))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> f.search.nearest(PoiFixture.STEWARD, q, 0, null))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> f.search.nearest(PoiFixture.STEWARD, q, 3, "no-such"))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void radiusEqualsBruteForce() {
        GeoPoint q = new GeoPoint(116.35, 39.70);
        for (double r : new double[] {300, 2_000, 7_500, 50_000}) {
            List<Poi> expected = all.stream()
                    .filter(p -> q.distanceTo(p.location()) <= r)
                    .sorted(Comparator.comparingDouble(p -> q.distanceTo(p.location())))
                    .toList();
            var page = f.search.withinRadius(PoiFixture.STEWARD, q, r, PoiFilter.any(), PageRequest.of(0, 1000));
            assertThat(page.total()).isEqualTo(expected.size());
            assertThat(page.items())
                    .extracting(h -> h.poi().id())
                    .isEqualTo(expected.stream().map(Poi::id).toList());
        }
        assertThatThrownBy(
                        () -> f.search.withinRadius(PoiFixture.STEWARD, q, 0, PoiFilter.any(), PageRequest.of(0, 10)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() ->
                        f.search.withinRadius(PoiFixture.STEWARD, q, 50_001, PoiFilter.any(), PageRequest.of(0, 10)))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void polygonEqualsBruteForceAndPagesInNameOrder() {
        String triangle =
                "{\"type\":\"Polygon\",\"coordinates\":[[[116.25,39.55],[116.60,39.60],[116.40,39.80],[116.25,39.55]]]}";
        Geometry area = PoiPolygons.parse(triangle, Crs.WGS84);
        GeometryFactory gf = new GeometryFactory();
        List<Poi> expected = all.stream()
                .filter(p -> area.covers(gf.createPoint(
                        new Coordinate(p.location().lon(), p.location().lat()))))
                .sorted(Comparator.comparing(Poi::name).thenComparing(p -> p.id().value()))
                .toList();
        var first = f.search.withinPolygon(PoiFixture.STEWARD, area, PoiFilter.any(), PageRequest.of(0, 50));
        var second = f.search.withinPolygon(PoiFixture.STEWARD, area, PoiFilter.any(), PageRequest.of(50, 50));
        assertThat(first.total()).isEqualTo(expected.size()).isGreaterThan(100);
        assertThat(first.items())
                .extracting(Poi::id)
                .isEqualTo(expected.subList(0, 50).stream().map(Poi::id).toList());
        assertThat(second.items())
                .extracting(Poi::id)
                .isEqualTo(expected.subList(50, 100).stream().map(Poi::id).toList());
    }

    @Test
    void withinDivisionUsesTheAssignedDivisionsAndScope() {
        for (var division : List.of(PoiFixture.WEST, PoiFixture.COMMUNITY, PoiFixture.GRID, PoiFixture.EAST)) {
            long expected =
                    all.stream().filter(p -> division.contains(p.place())).count();
            assertThat(f.search
                            .withinDivision(PoiFixture.STEWARD, division, null, PageRequest.of(0, 10))
                            .total())
                    .isEqualTo(expected)
                    .isPositive();
        }
        assertThat(f.search
                        .withinDivision(PoiFixture.EAST_READER, PoiFixture.DISTRICT, null, PageRequest.of(0, 1000))
                        .items())
                .allSatisfy(p -> assertThat(p.division().value()).startsWith("110115002"));
        assertThatThrownBy(() ->
                        f.search.withinDivision(PoiFixture.EAST_READER, PoiFixture.WEST, null, PageRequest.of(0, 10)))
                .isInstanceOf(AccessDenied.class);
    }

    @Test
    void chineseNamesAreFoundByWords() {
        var hospitals = f.search.search(PoiFixture.STEWARD, "医院", PoiFilter.any(), PageRequest.of(0, 1000));
        assertThat(hospitals.items()).extracting(Poi::name).contains("大兴区人民医院", "北大人民医院大兴院区");
        assertThat(hospitals.items()).allSatisfy(p -> assertThat(p.name()).contains("医院"));
        assertThat(hospitals.total()).isEqualTo(hospitals.items().size());

        var people = f.search.search(PoiFixture.STEWARD, "人民医院", PoiFilter.any(), PageRequest.of(0, 10));
        assertThat(people.items())
                .extracting(Poi::name)
                .contains("大兴区人民医院")
                .doesNotContain("人民食堂")
                .allSatisfy(name -> assertThat(name).contains("人民医院"));
        assertThat(f.search
                        .search(PoiFixture.STEWARD, "大兴 医院", PoiFilter.any(), PageRequest.of(0, 10))
                        .items())
                .extracting(Poi::name)
                .contains("大兴区人民医院");
        assertThat(f.search
                        .search(PoiFixture.STEWARD, "人民", new PoiFilter("restaurant", null), PageRequest.of(0, 10))
                        .items())
                .extracting(Poi::name)
                .containsExactly("人民食堂");
        assertThat(f.search
                        .search(PoiFixture.EAST_READER, "人民医院", PoiFilter.any(), PageRequest.of(0, 10))
                        .items())
                .extracting(Poi::name)
                .contains("北大人民医院大兴院区")
                .doesNotContain("大兴区人民医院");
        assertThat(f.search
                        .search(PoiFixture.STEWARD, "（）！", PoiFilter.any(), PageRequest.of(0, 10))
                        .items())
                .isEmpty();
    }

    @Test
    void nameIndexFollowsWrites() {
        Poi poi = f.pois.place(
                PoiFixture.STEWARD, new PoiDraft("park", "琉璃河湿地公园", new GeoPoint(116.5, 39.6), null, null, null, null));
        assertThat(f.search
                        .search(PoiFixture.STEWARD, "湿地", PoiFilter.any(), PageRequest.of(0, 50))
                        .items())
                .extracting(Poi::id)
                .contains(poi.id());
        f.pois.change(
                PoiFixture.STEWARD,
                poi.id(),
                0,
                new PoiDraft("park", "念坛公园", new GeoPoint(116.5, 39.6), null, null, null, null));
        assertThat(f.search
                        .search(PoiFixture.STEWARD, "琉璃河", PoiFilter.any(), PageRequest.of(0, 50))
                        .items())
                .extracting(Poi::id)
                .doesNotContain(poi.id());
        f.pois.remove(PoiFixture.STEWARD, poi.id(), 1);
        assertThat(f.search
                        .search(PoiFixture.STEWARD, "念坛", PoiFilter.any(), PageRequest.of(0, 50))
                        .total())
                .isZero();
    }

    private static List<PoiId> bruteForce(GeoPoint q, List<Poi> pois, int k) {
        return pois.stream()
                .sorted(Comparator.comparingDouble((Poi p) -> q.distanceTo(p.location()))
                        .thenComparing(p -> p.id().value()))
                .limit(k)
                .map(Poi::id)
                .toList();
    }
}
