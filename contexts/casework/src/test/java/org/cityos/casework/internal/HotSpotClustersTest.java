package org.cityos.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cityos.casework.persistence.HotSpotRow;
import org.cityos.casework.persistence.PlacedCase;
import org.junit.jupiter.api.Test;

/** Clustering without a database: seeds, radius, growth of known hot spots, and categories kept apart. */
class HotSpotClustersTest {
    static final double LAT = 39.73;
    static final double LON = 116.34;
    static final Instant T = Instant.parse("2026-11-24T00:00:00Z");

    static PlacedCase at(String id, String category, double north, double east) {
        return new PlacedCase(
                id,
                category,
                LON + east / (111_320 * Math.cos(Math.toRadians(LAT))),
                LAT + north / 110_574.0,
                T.plusSeconds(id.hashCode() & 0xffff),
                null,
                false);
    }

    @Test
    void distancesAreMetres() {
        assertThat(HotSpotClusters.metres(LON, LAT, LON, LAT + 0.01)).isBetween(1105.0, 1115.0);
    }

    @Test
    void fiveWithinTheRadiusMakeOneClusterFourDoNot() {
        List<PlacedCase> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(at("c" + i, "x", 40 * i, 0));
        }
        HotSpotClusters.Plan plan = HotSpotClusters.plan(five, List.of(), 300, 5);
        assertThat(plan.clusters()).singleElement().satisfies(c -> assertThat(c).hasSize(5));
        assertThat(HotSpotClusters.plan(five.subList(0, 4), List.of(), 300, 5).clusters())
                .isEmpty();
    }

    @Test
    void casesBeyondTheRadiusOfTheSeedStayOut() {
        List<PlacedCase> cases = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cases.add(at("near" + i, "x", 10 * i, 0));
        }
        cases.add(at("far", "x", 900, 0));
        assertThat(HotSpotClusters.plan(cases, List.of(), 300, 5).clusters())
                .singleElement()
                .satisfies(c -> assertThat(c).extracting(PlacedCase::id).doesNotContain("far"));
    }

    @Test
    void otherCategoriesNeverMixAndKnownHotSpotsGrowInstead() {
        List<PlacedCase> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cases.add(at("x" + i, "x", 10 * i, 0));
            cases.add(at("y" + i, "y", 10 * i, 0));
        }
        assertThat(HotSpotClusters.plan(cases, List.of(), 300, 5).clusters()).isEmpty();

        HotSpotRow known = new HotSpotRow("hsp_1", "x", LON, LAT, 50, 5, T, T, "OPEN", null, List.of(), T, 0);
        HotSpotClusters.Plan plan = HotSpotClusters.plan(cases, List.of(known), 300, 5);
        assertThat(plan.growth()).containsOnlyKeys("hsp_1");
        assertThat(plan.growth().get("hsp_1")).extracting(PlacedCase::id).containsExactly("x0", "x1", "x2");
    }
}
