package org.cityos.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityos.casework.RatesFixture.IN_A;
import static org.cityos.casework.RatesFixture.IN_B;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cityos.casework.internal.HotSpotDetector.Detection;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.NotFound;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hot spot detection with the defaults (300 m, 7 days, 5 cases), idempotence, scope and the centre's actions. */
class HotSpotsIT {
    // A point in town A; 0.001° of latitude is about 111 m, of longitude here about 86 m.
    static final double LON = 116.3400;
    static final double LAT = 39.7300;
    static final String LEAF = "030101";

    RatesFixture f;

    @BeforeEach
    void start() {
        f = new RatesFixture("2026-11-25T02:00:00Z");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    /** A case of {@code category} received {@code ago} before now, {@code dNorth}/{@code dEast} metres off the point. */
    String report(String category, Duration ago, double dNorth, double dEast, String division) {
        Instant at = f.clock.instant().minus(ago);
        return f.row()
                .dispatched("dept:cgw", division, at.plusSeconds(600))
                .set(r -> {
                    r.category = category;
                    r.received = at;
                    r.lat = LAT + dNorth / 111_000.0;
                    r.lon = LON + dEast / (111_000.0 * Math.cos(Math.toRadians(LAT)));
                })
                .insert();
    }

    List<String> fiveNearby() {
        List<String> ids = new ArrayList<>();
        double[][] offsets = {{0, 0}, {50, 20}, {-80, 60}, {120, -40}, {-30, -150}};
        for (int i = 0; i < offsets.length; i++) {
            ids.add(report(LEAF, Duration.ofHours(10 * (i + 1)), offsets[i][0], offsets[i][1], IN_A));
        }
        return ids;
    }

    @Test
    void fiveCasesNearbyRaiseOneHotSpotAndASixthGrowsIt() {
        List<String> five = fiveNearby();

        assertThat(f.detector.detect()).isEqualTo(new Detection(1, 0));
        List<HotSpot> spots = f.hotSpots
                .list(RatesFixture.OPERATOR, null, new PageRequest(0, 10))
                .items();
        assertThat(spots).hasSize(1);
        HotSpot spot = spots.get(0);
        assertThat(spot.caseCount()).isEqualTo(5);
        assertThat(spot.caseIds()).containsExactlyInAnyOrderElementsOf(five);
        assertThat(spot.categoryCode()).isEqualTo(LEAF);
        assertThat(spot.status()).isEqualTo(HotSpotStatus.OPEN);
        assertThat(spot.divisionCode()).isEqualTo(RatesFixture.TOWN_A);
        assertThat(spot.radiusMetres()).isBetween(50.0, 300.0);
        assertThat(spot.firstAt()).isEqualTo(f.clock.instant().minus(Duration.ofHours(50)));
        assertThat(f.events.published()).singleElement().satisfies(e -> {
            assertThat(e).isInstanceOf(HotSpotRaised.class);
            assertThat(e.key()).isEqualTo(spot.id());
            assertThat(((HotSpotRaised) e).caseCount()).isEqualTo(5);
        });

        // Nothing new: the same cases do not raise or grow anything again.
        assertThat(f.detector.detect()).isEqualTo(new Detection(0, 0));

        String sixth = report(LEAF, Duration.ofHours(1), 100, 100, IN_A);
        f.clock.advance(Duration.ofMinutes(10));
        assertThat(f.detector.detect()).isEqualTo(new Detection(0, 1));
        HotSpot grown = f.hotSpots.get(RatesFixture.OPERATOR, spot.id());
        assertThat(grown.caseCount()).isEqualTo(6);
        assertThat(grown.caseIds()).contains(sixth);
        assertThat(grown.version()).isEqualTo(1);
        assertThat(grown.lastAt()).isEqualTo(f.clock.instant().minus(Duration.ofMinutes(70)));
        assertThat(f.count("SELECT count(*) FROM casework_hotspot")).isEqualTo(1);
        assertThat(f.events.published()).hasSize(1);
    }

    @Test
    void farAwayOldOrOtherCategoryCasesDoNotCount() {
        // Four near cases each time, and a fifth that must not count: 2 km away, 8 days old, another leaf, merged.
        double[][] offsets = {{0, 0}, {50, 20}, {-80, 60}, {120, -40}};
        for (double[] o : offsets) {
            report(LEAF, Duration.ofHours(5), o[0], o[1], IN_A);
        }
        report(LEAF, Duration.ofHours(5), 2000, 0, IN_A);
        report(LEAF, Duration.ofDays(8), 10, 10, IN_A);
        report("030102", Duration.ofHours(5), 10, 10, IN_A);
        String merged = report(LEAF, Duration.ofHours(5), 20, 20, IN_A);
        f.jdbc.sql("UPDATE casework_case SET status = 'MERGED' WHERE id = ?")
                .param(merged)
                .update();
        // And a case without a place counts nowhere.
        f.row()
                .dispatched("dept:cgw", IN_A, f.clock.instant().minusSeconds(3600))
                .set(r -> r.category = LEAF)
                .insert();

        assertThat(f.detector.detect()).isEqualTo(new Detection(0, 0));
        assertThat(f.count("SELECT count(*) FROM casework_hotspot")).isZero();
        assertThat(f.events.published()).isEmpty();
    }

    @Test
    void twoPlacesOfOneCategoryAreTwoHotSpots() {
        fiveNearby();
        for (int i = 0; i < 5; i++) {
            report(LEAF, Duration.ofHours(i + 1), 3000 + 20 * i, 0, IN_B);
        }
        assertThat(f.detector.detect()).isEqualTo(new Detection(2, 0));
        assertThat(f.hotSpots
                        .list(RatesFixture.OPERATOR, HotSpotStatus.OPEN, new PageRequest(0, 10))
                        .items())
                .extracting(HotSpot::caseCount)
                .containsExactly(5, 5);
    }

    @Test
    void theCentreAcknowledgesAndClosesWithinScope() {
        fiveNearby();
        f.detector.detect();
        String id = f.hotSpots
                .list(RatesFixture.OPERATOR, null, new PageRequest(0, 10))
                .items()
                .get(0)
                .id();

        // Town B sees nothing of town A's hot spot; a leader reads but does not act.
        assertThat(f.hotSpots
                        .list(RatesFixture.TOWN_B_LEADER, null, new PageRequest(0, 10))
                        .items())
                .isEmpty();
        assertThatThrownBy(() -> f.hotSpots.get(RatesFixture.TOWN_B_LEADER, id)).isInstanceOf(NotFound.class);
        assertThat(f.hotSpots.get(RatesFixture.TOWN_A_LEADER, id).id()).isEqualTo(id);
        assertThatThrownBy(() -> f.hotSpots.acknowledge(RatesFixture.LEADER, id, null))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> f.hotSpots.acknowledge(RatesFixture.OPERATOR, id, 7))
                .isInstanceOf(ConcurrentChange.class);

        Actor op = RatesFixture.OPERATOR;
        HotSpot acknowledged = f.hotSpots.acknowledge(op, id, 0);
        assertThat(acknowledged.status()).isEqualTo(HotSpotStatus.ACKNOWLEDGED);
        assertThat(acknowledged.version()).isEqualTo(1);
        assertThatThrownBy(() -> f.hotSpots.acknowledge(op, id, null)).isInstanceOf(HotSpotNotInState.class);
        assertThat(f.hotSpots.close(op, id, null).status()).isEqualTo(HotSpotStatus.CLOSED);
        assertThatThrownBy(() -> f.hotSpots.close(op, id, null)).isInstanceOf(HotSpotNotInState.class);
        assertThat(f.count(
                        "SELECT count(*) FROM audit_record WHERE target_id = ? AND action LIKE 'casework.hotspot.%'",
                        id))
                .isEqualTo(2);

        // A closed hot spot does not grow: five new requests at the place raise a new one.
        for (int i = 0; i < 5; i++) {
            report(LEAF, Duration.ofMinutes(10 * (i + 1)), 10 * i, 0, IN_A);
        }
        assertThat(f.detector.detect()).isEqualTo(new Detection(1, 0));
        assertThat(f.hotSpots
                        .list(op, HotSpotStatus.OPEN, new PageRequest(0, 10))
                        .items())
                .singleElement()
                .satisfies(h -> assertThat(h.id()).isNotEqualTo(id));
    }
}
