package org.cityos.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cityos.kernel.GeoPoint;
import org.junit.jupiter.api.Test;

class SyntheticDistrictTest {
    private static final Geography GEO = SampleGeography.daxing();
    /** Generated once: the full district takes a few seconds on a busy machine. */
    private static final SyntheticDistrict FULL = SyntheticDistrict.generate(7, Scale.FULL, GEO);

    @Test
    void theSameSeedGivesTheSameDistrict() {
        assertThat(SyntheticDistrict.generate(42, Scale.SMALL, GEO))
                .isEqualTo(SyntheticDistrict.generate(42, Scale.SMALL, GEO));
    }

    @Test
    void anotherSeedPlacesDevicesElsewhere() {
        List<SimDevice> a = SyntheticDistrict.generate(42, Scale.SMALL, GEO).devices();
        List<SimDevice> b = SyntheticDistrict.generate(43, Scale.SMALL, GEO).devices();
        assertThat(a).hasSameSizeAs(b);
        assertThat(a.stream().map(SimDevice::at).toList())
                .isNotEqualTo(b.stream().map(SimDevice::at).toList());
    }

    @Test
    void smallScaleHasEveryTypeInItsPlannedCountAndAFewHundredInAll() {
        SyntheticDistrict d = SyntheticDistrict.generate(7, Scale.SMALL, GEO);
        Map<String, Long> counts = d.countsByType();
        assertThat(counts).hasSize(36);
        for (DevicePlan plan : DevicePlan.ALL) {
            assertThat(counts.get(plan.type())).as(plan.type()).isEqualTo(plan.small());
        }
        assertThat(counts.get("heat-pump-controller")).isEqualTo(125);
        assertThat(d.devices()).hasSizeBetween(200, 600);
        assertThat(d.videoChannels()).isEqualTo(DevicePlan.VIDEO_CHANNELS_SMALL);
    }

    @Test
    void fullScaleHasTheSeedsSize() {
        SyntheticDistrict d = FULL;
        Map<String, Long> counts = d.countsByType();
        assertThat(d.devices()).hasSizeBetween(125_000, 135_000);
        assertThat(counts.get("heat-pump-controller")).isEqualTo(50_000);
        assertThat(counts.get("bus-gps-terminal")).isEqualTo(600);
        assertThat(counts.get("taxi-gps-terminal")).isEqualTo(300);
        assertThat(d.routes().stream().filter(r -> r.lineCode() != null)).hasSize(60);
        assertThat(d.videoChannels()).isEqualTo(39_000);
    }

    @Test
    void everythingIsLabelledSyntheticAndUnique() {
        List<SimDevice> devices =
                SyntheticDistrict.generate(7, Scale.SMALL, GEO).devices();
        assertThat(devices).allSatisfy(d -> assertThat(d.serial()).startsWith("SIM-"));
        assertThat(devices.stream().map(SimDevice::serial).collect(Collectors.toSet()))
                .hasSameSizeAs(devices);
        assertThat(devices)
                .allSatisfy(d -> assertThat(GEO.bounds().contains(d.at())).isTrue());
    }

    @Test
    void devicesStayInsideTheDistrictsOutline() {
        // A diamond inside the box: its corners are outside the district, as CityOS would refuse them there.
        List<GeoPoint> diamond = List.of(
                GeoPoint.of(116.425, 39.45),
                GeoPoint.of(116.65, 39.65),
                GeoPoint.of(116.425, 39.85),
                GeoPoint.of(116.20, 39.65),
                GeoPoint.of(116.425, 39.45));
        Geography shaped = new Geography(GEO.bounds(), GEO.divisions(), GEO.roads(), GEO.pois(), List.of(diamond));
        assertThat(shaped.inside(GeoPoint.of(116.21, 39.46))).isFalse();
        assertThat(shaped.inside(GeoPoint.of(116.42, 39.65))).isTrue();
        // Roads and POIs come from CityOS inside its district; the area rules must find points inside themselves.
        Set<Placement> byArea = Set.of(Placement.TOWN, Placement.SPREAD, Placement.VILLAGE, Placement.LOW_SPOT);
        List<SimDevice> devices = SyntheticDistrict.generate(7, Scale.SMALL, shaped).devices().stream()
                .filter(d -> byArea.contains(DevicePlan.of(d.type()).placement()))
                .toList();
        assertThat(devices)
                .hasSizeGreaterThan(200)
                .allSatisfy(
                        d -> assertThat(shaped.inside(d.at())).as(d.serial()).isTrue());
    }

    @Test
    void evenlySpreadDevicesAvoidGridCellsOutsideTheDistrict() {
        // A triangle over the lower-left half: the top-right quarter of the box, a whole spread cell, is outside.
        List<GeoPoint> triangle = List.of(
                GeoPoint.of(116.20, 39.45),
                GeoPoint.of(116.65, 39.45),
                GeoPoint.of(116.20, 39.85),
                GeoPoint.of(116.20, 39.45));
        Geography shaped = new Geography(GEO.bounds(), GEO.divisions(), GEO.roads(), GEO.pois(), List.of(triangle));
        assertThat(SyntheticDistrict.generate(7, Scale.SMALL, shaped).devices("rain-gauge"))
                .hasSize(4)
                .allSatisfy(
                        d -> assertThat(shaped.inside(d.at())).as(d.serial()).isTrue());
    }

    @Test
    void streetLightsStandAlongRoads() {
        List<Polyline> roads =
                GEO.roads().stream().map(r -> new Polyline(r.line())).toList();
        assertThat(SyntheticDistrict.generate(7, Scale.SMALL, GEO).devices("smart-light-pole"))
                .allSatisfy(d -> assertThat(roads.stream()
                                .mapToDouble(r -> r.distanceFrom(d.at()))
                                .min()
                                .orElseThrow())
                        .isLessThan(10));
    }

    @Test
    void gasDetectorsStandAtHazardousChemicalsSites() {
        List<Geography.Poi> sites = GEO.pois("hazmat-enterprise");
        assertThat(FULL.devices("gas-leak-detector")).hasSize(1_200).allSatisfy(d -> {
            Geography.Poi site = sites.stream()
                    .filter(s -> s.id().equals(d.siteId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(site.at().distanceTo(d.at())).isLessThan(400);
        });
    }

    @Test
    void waterloggingPointsAreLowerThanTheGroundAroundThem() {
        SyntheticDistrict d = SyntheticDistrict.generate(7, Scale.SMALL, GEO);
        Elevation ground = d.elevation();
        assertThat(d.devices("waterlogging-level")).allSatisfy(w -> {
            double here = ground.at(w.at());
            for (int k = 0; k < 8; k++) {
                double a = k * Math.PI / 4;
                GeoPoint around = Geo.move(w.at(), 300 * Math.cos(a), 300 * Math.sin(a));
                assertThat(ground.at(around)).isGreaterThan(here);
            }
            assertThat(w.depthMetres()).isPositive();
        });
    }

    @Test
    void heatPumpsAreInTheVillagesOfRuralTowns() {
        Set<String> rural = GEO.divisions().stream()
                .filter(Geography.Division::rural)
                .map(Geography.Division::code)
                .collect(Collectors.toSet());
        List<SimDevice> pumps = FULL.devices("heat-pump-controller");
        long inRural = pumps.stream().filter(p -> rural.contains(p.division())).count();
        assertThat((double) inRural / pumps.size()).isGreaterThan(0.9);
    }

    @Test
    void smokeDetectorsAreAtCareHomesAndSchools() {
        Set<String> sites = GEO.pois().stream()
                .filter(p ->
                        p.classCode().equals("elderly-care") || p.classCode().equals("school"))
                .map(Geography.Poi::id)
                .collect(Collectors.toSet());
        assertThat(SyntheticDistrict.generate(7, Scale.SMALL, GEO).devices("smoke-detector"))
                .allSatisfy(d -> assertThat(sites).contains(d.siteId()));
    }

    @Test
    void vehiclesAreOnRoutesAlongRoads() {
        SyntheticDistrict d = SyntheticDistrict.generate(7, Scale.SMALL, GEO);
        Map<String, Route> routes = d.routesById();
        assertThat(d.devices("bus-gps-terminal"))
                .allSatisfy(b -> assertThat(routes.get(b.routeId()).lineCode()).startsWith("SIM-L"));
        assertThat(d.devices("taxi-gps-terminal"))
                .allSatisfy(t ->
                        assertThat(routes.get(t.routeId()).stopSpacingMetres()).isZero());
        assertThat(d.routes())
                .allSatisfy(r -> assertThat(r.path().lengthMetres()).isGreaterThan(5_000));
    }
}
