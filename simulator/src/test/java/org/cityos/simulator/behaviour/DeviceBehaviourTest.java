package org.cityos.simulator.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.world.DeviceCatalogue;
import org.cityos.simulator.world.DeviceTypeSpec;
import org.cityos.simulator.world.SampleGeography;
import org.cityos.simulator.world.Scale;
import org.cityos.simulator.world.SimDevice;
import org.cityos.simulator.world.SyntheticDistrict;
import org.cityos.testkit.MutableClock;
import org.junit.jupiter.api.Test;

class DeviceBehaviourTest {
    private static final DeviceCatalogue TYPES = Catalogue.seed();
    private static final AirQualityHistory AIR = AirQualityHistory.load();
    private static final SyntheticDistrict DISTRICT =
            SyntheticDistrict.generate(7, Scale.SMALL, SampleGeography.daxing());

    /** Noon in Beijing on an ordinary November day. */
    private final MutableClock clock = MutableClock.at("2026-11-24T04:00:00Z");

    private final LiveConditions conditions = new LiveConditions(clock);
    private final DeviceBehaviour behaviour = new DeviceBehaviour(DISTRICT, TYPES, conditions, AIR);

    @Test
    void everyValueLiesInsideItsTypesDeclaredRange() {
        for (int hour = 0; hour < 48; hour += 5) {
            assertAllInRange(Instant.parse("2026-11-24T00:17:00Z").plus(Duration.ofHours(hour)));
        }
    }

    @Test
    void valuesStayInRangeEvenInExtremeConditions() {
        GeoPoint centre = GeoPoint.of(116.42, 39.65);
        conditions.rain(centre, 60_000, 400);
        conditions.temperatureOffset(-45);
        conditions.gasLeak(centre, 60_000, 5_000);
        conditions.faultFactor("heat-pump-controller", 1_000);
        clock.advance(Duration.ofHours(2));
        assertAllInRange(clock.instant());
    }

    private void assertAllInRange(Instant at) {
        for (SimDevice d : DISTRICT.devices()) {
            DeviceTypeSpec type = TYPES.require(d.type());
            Map<String, Object> values = behaviour.valuesAt(d, at);
            assertThat(values.keySet()).as(d.type()).hasSize(type.properties().size());
            for (DeviceTypeSpec.PropertySpec p : type.properties()) {
                Object v = values.get(p.name());
                String what = d.serial() + " " + p.name() + " = " + v + " at " + at;
                switch (p.dataType()) {
                    case "BOOLEAN" -> assertThat(v).as(what).isInstanceOf(Boolean.class);
                    case "ENUM" -> assertThat(p.values()).as(what).contains((String) v);
                    case "STRING" -> assertThat(v).as(what).isInstanceOf(String.class);
                    case "INTEGER" -> assertThat(v).as(what).isInstanceOf(Long.class);
                    default -> assertThat(v).as(what).isInstanceOf(Double.class);
                }
                if (p.numeric()) {
                    double n = ((Number) v).doubleValue();
                    if (p.min() != null) {
                        assertThat(n).as(what).isGreaterThanOrEqualTo(p.min());
                    }
                    if (p.max() != null) {
                        assertThat(n).as(what).isLessThanOrEqualTo(p.max());
                    }
                }
            }
        }
    }

    @Test
    void rainRaisesTheGaugesUnderItAndFloodsTheLowSpotsOverTime() {
        List<SimDevice> points = DISTRICT.devices("waterlogging-level");
        List<SimDevice> gauges = DISTRICT.devices("rain-gauge");
        GeoPoint centre = GeoPoint.of(116.42, 39.65);
        for (SimDevice w : points) {
            assertThat(level(w)).isLessThan(0.02);
        }
        conditions.rain(centre, 60_000, 60);
        clock.advance(Duration.ofMinutes(2));
        double early = points.stream().mapToDouble(this::level).average().orElseThrow();
        clock.advance(Duration.ofMinutes(28));
        for (SimDevice w : points) {
            assertThat(level(w)).as(w.serial()).isGreaterThan(0.15).isGreaterThan(early);
        }
        for (SimDevice g : gauges) {
            assertThat((double) behaviour.valuesAt(g, clock.instant()).get("precipitation"))
                    .isBetween(54.0, 66.0);
        }
        conditions.rain(centre, 60_000, 0);
        for (SimDevice w : points) {
            assertThat(level(w)).isLessThan(0.02);
        }
    }

    @Test
    void rainFallsOnlyInsideItsDisc() {
        SimDevice gauge = DISTRICT.devices("rain-gauge").get(0);
        conditions.rain(GeoPoint.of(gauge.at().lon() + 0.2, gauge.at().lat()), 3_000, 80);
        assertThat(behaviour.valuesAt(gauge, clock.instant()).get("precipitation"))
                .isEqualTo(0.0);
    }

    private double level(SimDevice w) {
        return (double) behaviour.valuesAt(w, clock.instant()).get("currentLevel");
    }

    @Test
    void aColdSnapBringsMoreHeatPumpFaultsAndTheFaultFactorScalesThem() {
        int mild = heatPumpFaults();
        conditions.temperatureOffset(-12);
        int cold = heatPumpFaults();
        conditions.faultFactor("heat-pump-controller", 0);
        int silenced = heatPumpFaults();
        assertThat(mild).isPositive();
        assertThat(cold).isGreaterThan(2 * mild);
        assertThat(silenced).isZero();
    }

    /** Fault reports of every heat pump, hourly over ten days. */
    private int heatPumpFaults() {
        int faults = 0;
        for (SimDevice pump : DISTRICT.devices("heat-pump-controller")) {
            for (int hour = 0; hour < 240; hour++) {
                Object code = behaviour
                        .valuesAt(pump, clock.instant().plus(Duration.ofHours(hour)))
                        .get("faultCode");
                if (!"0".equals(code)) {
                    faults++;
                }
            }
        }
        return faults;
    }

    @Test
    void aLeakReachesTheDetectorsNearItsSiteOnly() {
        List<SimDevice> detectors = DISTRICT.devices("gas-leak-detector");
        GeoPoint site = GeoPoint.of(116.52, 39.64); // P1 in the sample geography
        conditions.gasLeak(site, 500, 80);
        List<SimDevice> near =
                detectors.stream().filter(d -> d.at().distanceTo(site) < 250).toList();
        List<SimDevice> far =
                detectors.stream().filter(d -> d.at().distanceTo(site) > 500).toList();
        assertThat(near).isNotEmpty();
        assertThat(far).isNotEmpty();
        for (SimDevice d : near) {
            Map<String, Object> v = behaviour.valuesAt(d, clock.instant());
            assertThat((double) v.get("concentration")).isGreaterThanOrEqualTo(25);
            assertThat(v.get("alarm")).isEqualTo(true);
        }
        for (SimDevice d : far) {
            Map<String, Object> v = behaviour.valuesAt(d, clock.instant());
            assertThat((double) v.get("concentration")).isLessThan(1);
            assertThat(v.get("alarm")).isEqualTo(false);
        }
    }

    @Test
    void streetLightsBurnAtNightOnly() {
        SimDevice light = DISTRICT.devices("smart-light-pole").get(0);
        assertThat(behaviour
                        .valuesAt(light, Instant.parse("2026-11-24T04:00:00Z"))
                        .get("powerState"))
                .isEqualTo("off");
        assertThat(behaviour
                        .valuesAt(light, Instant.parse("2026-11-24T14:00:00Z"))
                        .get("powerState"))
                .isEqualTo("on");
    }

    @Test
    void batteriesDeclineAndSomeReportsDropOut() {
        List<SimDevice> meters = DISTRICT.devices("water-meter");
        long declined = meters.stream()
                .filter(m -> battery(m, clock.instant().plus(Duration.ofDays(20))) < battery(m, clock.instant()))
                .count();
        assertThat(declined).isGreaterThanOrEqualTo(meters.size() * 8 / 10);
        int skipped = 0;
        int due = 0;
        for (SimDevice d : DISTRICT.devices()) {
            for (int i = 0; i < 50; i++) {
                due++;
                if (!behaviour.reports(d, clock.instant().plusSeconds(300L * i))) {
                    skipped++;
                }
            }
        }
        assertThat((double) skipped / due).isBetween(0.005, 0.06);
    }

    private double battery(SimDevice d, Instant at) {
        return (double) behaviour.valuesAt(d, at).get("battery");
    }

    @Test
    void aReportCarriesTheSlowPropertiesOnlyWhenTheyAreDue() {
        SimDevice pump = DISTRICT.devices("heat-pump-controller").get(0);
        long phase = behaviour.phaseSeconds(pump, 300);
        Instant start = Instant.ofEpochSecond((clock.instant().getEpochSecond() / 3600) * 3600 - phase);
        int withEnergy = 0;
        for (int tick = 0; tick < 12; tick++) {
            Map<String, Object> report = behaviour.reportAt(pump, start.plusSeconds(300L * tick));
            assertThat(report).containsKeys("power", "faultCode");
            if (report.containsKey("energy")) {
                withEnergy++;
            }
        }
        assertThat(withEnergy).isEqualTo(1);
    }
}
