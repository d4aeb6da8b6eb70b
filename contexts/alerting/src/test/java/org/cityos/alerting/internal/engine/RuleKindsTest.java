package org.cityos.alerting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.alerting.internal.engine.Finding.Change.CLEAR;
import static org.cityos.alerting.internal.engine.Finding.Change.RAISE;
import static org.cityos.alerting.internal.engine.Finding.Change.REPEAT;
import static org.cityos.alerting.internal.expr.VarType.BOOL;
import static org.cityos.alerting.internal.expr.VarType.NUMBER;
import static org.cityos.alerting.internal.expr.VarType.TEXT;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cityos.alerting.Aggregation;
import org.cityos.alerting.Companion;
import org.cityos.alerting.Geofence;
import org.cityos.alerting.RuleDraft;
import org.cityos.alerting.RuleKind;
import org.cityos.alerting.RuleScope;
import org.cityos.alerting.Severity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RuleKindsTest {
    static final String TOWN = "110115001000";
    static final String COMMUNITY = "110115001001";
    static final String OTHER_TOWN = "110115002001";
    EngineBench bench;

    @BeforeEach
    void setUp() {
        bench = new EngineBench()
                .type("waterlogging-level", "currentLevel", NUMBER, "battery", NUMBER)
                .type("rain-gauge", "precipitation", NUMBER)
                .type("heat-pump-controller", "supplyTemperature", NUMBER, "faultCode", TEXT)
                .type("bus-gps-terminal", "latitude", NUMBER, "longitude", NUMBER, "speed", NUMBER)
                .type("smoke-detector", "smokeAlarm", BOOL)
                .device("w1", "waterlogging-level", COMMUNITY, 116.30, 39.60, "low-spot")
                .device("w2", "waterlogging-level", OTHER_TOWN, 116.55, 39.65)
                .device("r1", "rain-gauge", COMMUNITY, 116.305, 39.60)
                .device("r2", "rain-gauge", OTHER_TOWN, 116.70, 39.80)
                .device("h1", "heat-pump-controller", COMMUNITY, 116.31, 39.61)
                .device("h2", "heat-pump-controller", COMMUNITY, 116.32, 39.61)
                .device("h3", "heat-pump-controller", COMMUNITY, 116.33, 39.61)
                .device("b1", "bus-gps-terminal", COMMUNITY, 116.30, 39.60)
                .device("s1", "smoke-detector", COMMUNITY, 116.30, 39.60);
    }

    static RuleDraft rule(RuleKind kind, String type, String condition) {
        return RuleDraft.threshold("r", Severity.ORANGE, RuleScope.ofTypes(type), condition)
                .withKind(kind, null);
    }

    @Test
    void thresholdRaisesOnceAndClearsOnlyPastItsHysteresis() {
        bench.rules(rule(RuleKind.THRESHOLD, "waterlogging-level", "currentLevel > 0.3")
                .withClear("currentLevel < 0.2"));
        bench.send("w1", "currentLevel", 0.1);
        bench.send("w1", "currentLevel", 0.35);
        bench.send("w1", "currentLevel", 0.5);
        bench.send("w1", "currentLevel", 0.25); // below the threshold, above the clear level: still active
        assertThat(bench.changes()).containsExactly(RAISE);
        bench.send("w1", "currentLevel", 0.4); // crossed again while open: a repeat, not a new alarm
        bench.send("w1", "currentLevel", 0.15);
        assertThat(bench.changes()).containsExactly(RAISE, REPEAT, CLEAR);
        assertThat(bench.findings.get(0).subject()).isEqualTo("w1");
        assertThat(bench.findings.get(0).values()).containsEntry("currentLevel", 0.35);
    }

    @Test
    void scopeByDivisionAndTagLeavesOtherDevicesAlone() {
        bench.rules(rule(RuleKind.THRESHOLD, "waterlogging-level", "currentLevel > 0.3")
                .withScope(new RuleScope(
                        List.of("waterlogging-level"), List.of(TOWN), List.of(), List.of("low-spot"), List.of())));
        bench.send("w2", "currentLevel", 0.9);
        assertThat(bench.findings).isEmpty();
        bench.send("w1", "currentLevel", 0.9);
        assertThat(bench.findings).extracting(Finding::deviceId).containsExactly("w1");
    }

    @Test
    void durationNeedsTheConditionUnbrokenForTheWholeWindowAndCompletesOnTheClock() {
        bench.rules(rule(RuleKind.DURATION, "waterlogging-level", "currentLevel > 0.3")
                .withKind(RuleKind.DURATION, Duration.ofMinutes(10)));
        bench.send("w1", "currentLevel", 0.4);
        bench.pass(Duration.ofMinutes(6));
        bench.send("w1", "currentLevel", 0.1); // broken: starts over
        bench.pass(Duration.ofMinutes(1));
        bench.send("w1", "currentLevel", 0.4);
        bench.pass(Duration.ofMinutes(9));
        assertThat(bench.findings).isEmpty();
        bench.pass(Duration.ofMinutes(1)); // no new reading: the tick completes the duration
        assertThat(bench.changes()).containsExactly(RAISE);
        bench.send("w1", "currentLevel", 0.1);
        assertThat(bench.changes()).containsExactly(RAISE, CLEAR);
    }

    @Test
    void rateOfChangeComparesWithTheOldestSampleOfTheWindow() {
        bench.rules(rule(RuleKind.RATE_OF_CHANGE, "waterlogging-level", "rate > 0.6")
                .withKind(RuleKind.RATE_OF_CHANGE, Duration.ofMinutes(30))
                .withProperty("currentLevel"));
        bench.send("w1", "currentLevel", 0.10);
        bench.pass(Duration.ofMinutes(10));
        bench.send("w1", "currentLevel", 0.15); // 0.3 m/h
        assertThat(bench.findings).isEmpty();
        bench.pass(Duration.ofMinutes(10));
        bench.send("w1", "currentLevel", 0.35); // 0.25 m in 20 min = 0.75 m/h
        assertThat(bench.changes()).containsExactly(RAISE);
        assertThat((Double) bench.findings.get(0).values().get("rate"))
                .isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void noDataRaisesForSilentRegisteredDevicesAndClearsWhenDataComes() {
        bench.rules(rule(RuleKind.NO_DATA, "rain-gauge", null).withKind(RuleKind.NO_DATA, Duration.ofMinutes(30)));
        bench.pass(Duration.ofSeconds(1)); // the sweep learns the registered devices
        bench.pass(Duration.ofMinutes(20));
        bench.send("r1", "precipitation", 0);
        bench.pass(Duration.ofMinutes(15));
        assertThat(bench.findings).extracting(Finding::subject).containsExactly("r2");
        bench.send("r2", "precipitation", 1);
        assertThat(bench.changes()).containsExactly(RAISE, CLEAR);
    }

    @Test
    void aggregateOverASlidingWindowPerDevice() {
        bench.rules(new RuleDraft(
                "avg",
                null,
                RuleKind.AGGREGATE,
                Severity.YELLOW,
                RuleScope.ofTypes("waterlogging-level"),
                "currentLevel",
                "avg > 0.3 && count >= 3",
                null,
                Duration.ofMinutes(10),
                new Aggregation(null, null, null),
                null,
                null,
                null,
                null,
                null));
        bench.send("w1", "currentLevel", 0.5);
        bench.pass(Duration.ofMinutes(1));
        bench.send("w1", "currentLevel", 0.5);
        assertThat(bench.findings).isEmpty(); // only two samples
        bench.pass(Duration.ofMinutes(1));
        bench.send("w1", "currentLevel", 0.1);
        assertThat(bench.changes()).containsExactly(RAISE); // avg 0.367 over 3
        bench.pass(Duration.ofMinutes(11)); // all samples slid out: the tick clears
        assertThat(bench.changes()).containsExactly(RAISE, CLEAR);
    }

    @Test
    void faultWaveCountsDistinctDevicesPerDivision() {
        bench.rules(new RuleDraft(
                "wave",
                null,
                RuleKind.AGGREGATE,
                Severity.ORANGE,
                RuleScope.ofTypes("heat-pump-controller"),
                "faultCode",
                "count >= 3",
                null,
                Duration.ofHours(1),
                new Aggregation(null, Aggregation.DIVISION, "faultCode != '' && faultCode != '0'"),
                null,
                null,
                null,
                null,
                null));
        bench.sendText("h1", "faultCode", "E1");
        bench.sendText("h1", "faultCode", "E1");
        bench.sendText("h2", "faultCode", "0");
        bench.sendText("h2", "faultCode", "E7");
        assertThat(bench.findings).isEmpty();
        bench.sendText("h3", "faultCode", "E2");
        assertThat(bench.findings).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(COMMUNITY);
            assertThat(f.deviceId()).isNull();
            assertThat(f.values()).containsEntry("count", 3.0);
        });
    }

    @Test
    void percentileOfTheWindow() {
        bench.rules(new RuleDraft(
                "p90",
                null,
                RuleKind.AGGREGATE,
                Severity.BLUE,
                RuleScope.ofTypes("waterlogging-level"),
                "currentLevel",
                "pct > 0.8",
                null,
                Duration.ofMinutes(30),
                new Aggregation(90, null, null),
                null,
                null,
                null,
                null,
                null));
        for (int i = 1; i <= 8; i++) {
            bench.send("w1", "currentLevel", i / 10.0);
        }
        assertThat(bench.findings).isEmpty(); // p90 of 0.1..0.8 by nearest rank is the 8th: 0.8
        bench.send("w1", "currentLevel", 0.9);
        assertThat(bench.findings)
                .singleElement()
                .satisfies(f -> assertThat(f.values()).containsEntry("pct", 0.9));
    }

    static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[116.29,39.59],[116.31,39.59],"
            + "[116.31,39.61],[116.29,39.61],[116.29,39.59]]]}";

    static RuleDraft fence(String trigger, Duration window, String condition) {
        return new RuleDraft(
                "fence",
                null,
                RuleKind.GEOFENCE,
                Severity.YELLOW,
                RuleScope.ofTypes("bus-gps-terminal"),
                null,
                condition,
                null,
                window,
                null,
                new Geofence(JsonMapper.builder().build().readTree(SQUARE), trigger),
                null,
                null,
                null,
                null);
    }

    @Test
    void geofenceEnterAndExit() {
        bench.rules(fence(Geofence.EXIT, null, null));
        bench.sendAll("b1", "latitude", 39.60, "longitude", 116.30); // inside
        bench.sendAll("b1", "latitude", 39.70, "longitude", 116.30); // left: off route
        bench.sendAll("b1", "latitude", 39.71, "longitude", 116.30);
        bench.sendAll("b1", "latitude", 39.60, "longitude", 116.30); // back
        assertThat(bench.changes()).containsExactly(RAISE, CLEAR);

        bench.findings.clear();
        bench.rules(fence(Geofence.ENTER, null, "speed > 5"));
        bench.sendAll("b1", "latitude", 39.70, "longitude", 116.30, "speed", 30);
        bench.sendAll("b1", "latitude", 39.60, "longitude", 116.30, "speed", 30);
        assertThat(bench.changes()).containsExactly(RAISE);
    }

    @Test
    void geofenceDwellCompletesOnTheClock() {
        bench.rules(fence(Geofence.DWELL, Duration.ofMinutes(15), null));
        bench.sendAll("b1", "latitude", 39.60, "longitude", 116.30);
        bench.pass(Duration.ofMinutes(14));
        assertThat(bench.findings).isEmpty();
        bench.pass(Duration.ofMinutes(1));
        assertThat(bench.changes()).containsExactly(RAISE);
        bench.sendAll("b1", "latitude", 39.70, "longitude", 116.30);
        assertThat(bench.changes()).containsExactly(RAISE, CLEAR);
    }

    @Test
    void compositeNeedsARisingCompanionWithinTheRadius() {
        bench.rules(new RuleDraft(
                "rain and rising water",
                null,
                RuleKind.COMPOSITE,
                Severity.RED,
                RuleScope.ofTypes("rain-gauge"),
                null,
                "precipitation > 30",
                null,
                null,
                null,
                null,
                new Companion("waterlogging-level", 1000, "currentLevel", "rate > 0"),
                null,
                null,
                null));
        bench.send("w1", "currentLevel", 0.10); // 430 m from r1
        bench.send("r1", "precipitation", 40);
        assertThat(bench.findings).isEmpty(); // water not yet known to rise
        bench.pass(Duration.ofMinutes(5));
        bench.send("w1", "currentLevel", 0.20); // rising: r1 is judged again
        assertThat(bench.findings)
                .singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("r1"));
        bench.send("r2", "precipitation", 80); // no companion near r2
        assertThat(bench.findings).hasSize(1);
    }

    @Test
    void scheduledCheckSeesLatestValuesAndAge() {
        bench.rules(rule(RuleKind.SCHEDULED, "waterlogging-level", "battery < 20 || age > 7200")
                .withKind(RuleKind.SCHEDULED, Duration.ofHours(1)));
        bench.send("w1", "battery", 15);
        bench.send("w2", "battery", 80);
        bench.pass(Duration.ofMinutes(59));
        assertThat(bench.findings).isEmpty();
        bench.pass(Duration.ofMinutes(1)); // 09:00: the check runs
        assertThat(bench.findings).extracting(Finding::subject).containsExactly("w1");
        bench.pass(Duration.ofHours(2)); // w2 silent for over two hours now
        assertThat(bench.findings).extracting(Finding::subject).contains("w2");
    }

    @Test
    void deviceEventsAndOfflineAreOccurrences() {
        bench.rules(new RuleDraft(
                "sos",
                null,
                RuleKind.DEVICE_EVENT,
                Severity.RED,
                RuleScope.ofTypes("smoke-detector"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "sos",
                null,
                null));
        bench.engine.event("s1", "sos", "{}", bench.now());
        bench.engine.event("s1", "battery", "{}", bench.now());
        bench.engine.event("s1", "sos", "{}", bench.now());
        assertThat(bench.changes()).containsExactly(RAISE, REPEAT);

        bench.findings.clear();
        bench.rules(rule(RuleKind.DEVICE_OFFLINE, "smoke-detector", null));
        bench.engine.health("s1", "OFFLINE", bench.now());
        bench.engine.health("s1", "ONLINE", bench.now());
        assertThat(bench.changes()).containsExactly(RAISE, CLEAR);
    }

    @Test
    void aRuleFailingAtRunTimeIsTakenOutAndTheOthersGoOn() {
        bench.rules(
                rule(RuleKind.THRESHOLD, "waterlogging-level", "currentLevel > 0.3"),
                rule(
                        RuleKind.THRESHOLD,
                        "waterlogging-level",
                        "currentLevel > 0.3 && deviceType.matches('(' + division)"));
        bench.send("w1", "currentLevel", 0.5);
        assertThat(bench.engine.rules()).hasSize(1);
        assertThat(bench.failures).hasSize(1);
        assertThat(bench.changes()).containsExactly(RAISE);
    }

    @Test
    void engineIgnoresDevicesOfTypesNoRuleWatches() {
        bench.rules(rule(RuleKind.THRESHOLD, "waterlogging-level", "currentLevel > 0.3"));
        bench.send("r1", "precipitation", 100);
        bench.send("unknown-device", "x", 1);
        assertThat(bench.findings).isEmpty();
        assertThat(bench.engine.evaluations()).isZero();
    }

    @Test
    void aReadingOlderThanTheHeldOneDoesNotRewindTheDevice() {
        bench.rules(rule(RuleKind.THRESHOLD, "waterlogging-level", "currentLevel > 0.3"));
        bench.send("w1", "currentLevel", 0.5);
        Instant earlier = bench.now().minusSeconds(60);
        bench.engine.stored(List.of(new org.cityos.iot.StoredReading("w1", "currentLevel", earlier, 0.0, null)));
        assertThat(bench.changes()).containsExactly(RAISE);
    }
}
