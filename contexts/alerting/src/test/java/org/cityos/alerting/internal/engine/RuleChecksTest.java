package org.cityos.alerting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.alerting.internal.expr.VarType.NUMBER;

import java.time.Duration;
import java.util.List;
import org.cityos.alerting.Aggregation;
import org.cityos.alerting.Companion;
import org.cityos.alerting.Geofence;
import org.cityos.alerting.RuleDraft;
import org.cityos.alerting.RuleKind;
import org.cityos.alerting.RuleScope;
import org.cityos.alerting.Severity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Every way a rule can be wrong is refused at save, with the field, the message key and — for conditions — where. */
class RuleChecksTest {
    final EngineBench bench = new EngineBench()
            .type("rain-gauge", "precipitation", NUMBER, "battery", NUMBER)
            .type("water-meter", "volume", NUMBER, "battery", NUMBER)
            .type("odd-meter", "volume", org.cityos.alerting.internal.expr.VarType.TEXT)
            .type("bus-gps-terminal", "latitude", NUMBER, "longitude", NUMBER, "speed", NUMBER)
            .device("r1", "rain-gauge", "110115001001", 116.3, 39.6);

    static RuleDraft draft(RuleKind kind, String type, String condition, Duration window) {
        return RuleDraft.threshold("r", Severity.RED, RuleScope.ofTypes(type), condition)
                .withKind(kind, window);
    }

    List<String> keys(RuleDraft d) {
        return bench.compiler.check(d).stream()
                .map(i -> i.field() + ":" + i.key())
                .toList();
    }

    @Test
    void conditionsAreRefusedWithLineAndColumn() {
        List<RuleIssue> issues = bench.compiler.check(
                draft(RuleKind.THRESHOLD, "rain-gauge", "precipitation > 3 &&\n  rainfall > 1", null));
        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.field()).isEqualTo("condition");
            assertThat(i.line()).isEqualTo(2);
            assertThat(i.column()).isEqualTo(3);
            assertThat(i.reason()).contains("rainfall");
            assertThat(i.messageArgs()).containsExactly(i.reason(), 2, 3);
        });
        assertThat(keys(draft(RuleKind.THRESHOLD, "rain-gauge", "precipitation + 1", null)))
                .containsExactly("condition:alerting.rule.condition-at");
        assertThat(keys(draft(RuleKind.THRESHOLD, "rain-gauge", null, null)))
                .containsExactly("condition:alerting.rule.condition-required");
    }

    @Test
    void typesSharingANameShareTheVariableUnlessTheyDisagreeOnItsKind() {
        RuleDraft shared = RuleDraft.threshold(
                "b",
                Severity.BLUE,
                new RuleScope(List.of("rain-gauge", "water-meter"), null, null, null, null),
                "battery < 20");
        assertThat(bench.compiler.check(shared)).isEmpty();
        RuleDraft clash = RuleDraft.threshold(
                "v",
                Severity.BLUE,
                new RuleScope(List.of("water-meter", "odd-meter"), null, null, null, null),
                "battery < 20");
        assertThat(keys(clash)).containsExactly("scope.deviceTypes:alerting.rule.type-conflict");
    }

    @Test
    void windowsOfZeroOrTenYearsAndMissingWindowsAreRefused() {
        assertThat(keys(draft(RuleKind.DURATION, "rain-gauge", "precipitation > 3", Duration.ZERO)))
                .containsExactly("window:alerting.rule.window-range");
        assertThat(keys(draft(RuleKind.DURATION, "rain-gauge", "precipitation > 3", Duration.ofDays(3650))))
                .containsExactly("window:alerting.rule.window-range");
        assertThat(keys(draft(RuleKind.DURATION, "rain-gauge", "precipitation > 3", null)))
                .containsExactly("window:alerting.rule.window");
        assertThat(bench.compiler.check(
                        draft(RuleKind.DURATION, "rain-gauge", "precipitation > 3", Duration.ofMinutes(10))))
                .isEmpty();
    }

    @Test
    void unknownTypesPropertiesDevicesAndDivisionsAreNamed() {
        RuleIssue type = bench.compiler
                .check(draft(RuleKind.THRESHOLD, "rain-gauges", "x > 1", null))
                .get(0);
        assertThat(type.key()).isEqualTo("alerting.rule.unknown-type");
        assertThat(type.messageArgs()).containsExactly("rain-gauges");
        assertThat(keys(draft(RuleKind.RATE_OF_CHANGE, "rain-gauge", "rate > 1", null)
                        .withProperty("rainfall")))
                .containsExactly("property:alerting.rule.unknown-property");
        assertThat(keys(draft(RuleKind.AGGREGATE, "rain-gauge", "avg > 1", Duration.ofMinutes(5))))
                .containsExactly("property:alerting.rule.property");
        RuleDraft devices = draft(RuleKind.THRESHOLD, "rain-gauge", "precipitation > 1", null)
                .withScope(new RuleScope(List.of(), List.of("11011500100"), List.of(), List.of(), List.of("nope")));
        assertThat(keys(devices))
                .containsExactlyInAnyOrder(
                        "scope.devices:alerting.rule.unknown-device", "scope.divisions:alerting.rule.division");
        assertThat(keys(draft(RuleKind.THRESHOLD, "rain-gauge", "precipitation > 1", null)
                        .withScope(new RuleScope(List.of(), List.of(), List.of(), List.of(), List.of()))))
                .containsExactly("scope:alerting.rule.scope");
    }

    @Test
    void geofencesMustBeValidPolygonsForTypesThatReportPositions() {
        JsonMapper json = JsonMapper.builder().build();
        String line = "{\"type\":\"LineString\",\"coordinates\":[[116.3,39.6],[116.4,39.7]]}";
        String bowtie =
                "{\"type\":\"Polygon\",\"coordinates\":[[[116.3,39.6],[116.4,39.7],[116.4,39.6],[116.3,39.7],[116.3,39.6]]]}";
        String square =
                "{\"type\":\"Polygon\",\"coordinates\":[[[116.3,39.6],[116.4,39.6],[116.4,39.7],[116.3,39.7],[116.3,39.6]]]}";
        for (String[] c : new String[][] {
            {line, "EXIT", "geofence.area:alerting.rule.geofence-type"},
            {bowtie, "EXIT", "geofence.area:alerting.rule.geofence-invalid"},
            {"{\"type\":\"Polygon\"}", "EXIT", "geofence.area:alerting.rule.geofence-invalid"},
            {"{\"type\":\"Circle\",\"coordinates\":[116.3,39.6]}", "EXIT", "geofence.area:alerting.rule.geofence-json"},
            {square, "AROUND", "geofence.trigger:alerting.rule.trigger"}
        }) {
            RuleDraft d = new RuleDraft(
                    "f",
                    null,
                    RuleKind.GEOFENCE,
                    Severity.RED,
                    RuleScope.ofTypes("bus-gps-terminal"),
                    null,
                    null,
                    null,
                    null,
                    null,
                    new Geofence(json.readTree(c[0]), c[1]),
                    null,
                    null,
                    null,
                    null);
            assertThat(keys(d)).as(c[2]).containsExactly(c[2]);
        }
        RuleDraft rain = new RuleDraft(
                "f",
                null,
                RuleKind.GEOFENCE,
                Severity.RED,
                RuleScope.ofTypes("rain-gauge"),
                null,
                null,
                null,
                null,
                null,
                new Geofence(json.readTree(square), "ENTER"),
                null,
                null,
                null,
                null);
        assertThat(keys(rain)).containsExactly("scope.deviceTypes:alerting.rule.no-position");
    }

    @Test
    void aggregatesCompanionsAndEventsCheckTheirOwnParts() {
        RuleDraft percentile = new RuleDraft(
                "a",
                null,
                RuleKind.AGGREGATE,
                Severity.RED,
                RuleScope.ofTypes("rain-gauge"),
                "precipitation",
                "pct > 1",
                null,
                Duration.ofMinutes(5),
                new Aggregation(100, "STREET", null),
                null,
                null,
                null,
                null,
                null);
        assertThat(keys(percentile))
                .containsExactlyInAnyOrder(
                        "aggregation.groupBy:alerting.rule.group-by",
                        "aggregation.percentile:alerting.rule.percentile");
        RuleDraft companion = new RuleDraft(
                "c",
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
                new Companion("rain-gauge", 0, "depth", "rate > 0"),
                null,
                null,
                null);
        assertThat(keys(companion))
                .containsExactlyInAnyOrder(
                        "companion.radiusMetres:alerting.rule.radius",
                        "companion.property:alerting.rule.unknown-property");
        RuleDraft event = new RuleDraft(
                "e",
                null,
                RuleKind.DEVICE_EVENT,
                Severity.RED,
                RuleScope.ofTypes("rain-gauge"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                " ",
                null,
                null);
        assertThat(keys(event)).containsExactly("eventName:alerting.rule.event-name");
        assertThat(keys(new RuleDraft(
                        null,
                        null,
                        RuleKind.THRESHOLD,
                        null,
                        RuleScope.ofTypes("rain-gauge"),
                        null,
                        "precipitation > 1",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Duration.ofDays(40),
                        null)))
                .containsExactlyInAnyOrder(
                        "name:alerting.rule.name",
                        "severity:alerting.rule.severity",
                        "ackWithin:alerting.rule.ack-within");
    }
}
