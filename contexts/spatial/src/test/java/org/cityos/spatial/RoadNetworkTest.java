package org.cityos.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class RoadNetworkTest {
    private final RoadNetwork network = GeocodingFixture.network();

    @Test
    void is_the_same_for_the_same_seed_and_different_for_another() {
        RoadNetwork again = RoadNetwork.generate(42, GeocodingFixture.outline(), GeocodingFixture.seats());
        RoadNetwork other = RoadNetwork.generate(43, GeocodingFixture.outline(), GeocodingFixture.seats());

        assertThat(again.roads()).isEqualTo(network.roads());
        assertThat(other.roads().stream().map(Road::name).toList())
                .isNotEqualTo(network.roads().stream().map(Road::name).toList());
    }

    @Test
    void has_arterials_streets_and_village_roads_all_inside_the_outline_and_synthetic() {
        Geometry outline = GeocodingFixture.outline();

        assertThat(network.count(RoadClass.ARTERIAL)).isBetween(6L, 14L);
        assertThat(network.count(RoadClass.STREET)).isGreaterThan(200);
        assertThat(network.count(RoadClass.VILLAGE_ROAD)).isGreaterThan(100);
        assertThat(network.roads()).allSatisfy(r -> {
            assertThat(outline.covers(r.geometry())).as(r.name()).isTrue();
            assertThat(r.synthetic()).isTrue();
            assertThat(r.lengthMetres()).isGreaterThan(200);
        });
        double arterialKm = network.roads().stream()
                        .filter(r -> r.roadClass() == RoadClass.ARTERIAL)
                        .mapToDouble(Road::lengthMetres)
                        .sum()
                / 1000;
        assertThat(arterialKm).as("arterials cross the district").isGreaterThan(150);
    }

    @Test
    void names_are_unique_chinese_and_never_one_character_apart() {
        List<String> names = network.roads().stream().map(Road::name).toList();

        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
        assertThat(names)
                .allSatisfy(n -> assertThat(n).matches("\\p{IsHan}{3,9}").matches(".*(路|街|大街|大道|胡同|巷|中街)"));
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            for (String other : seen) {
                assertThat(oneEditApart(name, other)).as(name + " / " + other).isFalse();
            }
            seen.add(name);
        }
    }

    @Test
    void streets_gather_around_town_seats() {
        RoadSeat seat = GeocodingFixture.seats().stream()
                .filter(s -> s.name().equals("旧宫地区"))
                .findFirst()
                .orElseThrow();
        long near = network.roads().stream()
                .filter(r -> r.roadClass() == RoadClass.STREET)
                .filter(r -> {
                    var c = r.geometry().getCentroid();
                    return seat.location().distanceTo(new org.cityos.kernel.GeoPoint(c.getX(), c.getY())) < 2000;
                })
                .count();

        assertThat(near).isGreaterThanOrEqualTo(8);
    }

    private static boolean oneEditApart(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                d[i][j] = i == 0
                        ? j
                        : j == 0
                                ? i
                                : Math.min(
                                        d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1),
                                        Math.min(d[i - 1][j], d[i][j - 1]) + 1);
            }
        }
        return d[a.length()][b.length()] <= 1;
    }
}
