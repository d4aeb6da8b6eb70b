package org.cityos.iot.internal.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityos.iot.internal.normalise.Catalogue.JSON;
import static org.cityos.iot.internal.normalise.Catalogue.mapping;
import static org.cityos.iot.internal.normalise.Catalogue.type;

import java.util.List;
import org.cityos.iot.PayloadMapping;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.junit.jupiter.api.Test;

class PayloadMappingTest {

    private static List<String> parseIssues(String json) {
        try {
            PayloadMapping.parse(JSON.readTree(json));
            return List.of();
        } catch (InvalidInput e) {
            return e.fieldIssues().stream()
                    .map(i -> i.field() + " " + i.messageKey())
                    .toList();
        }
    }

    private static List<String> checkIssues(String json, String typeCode) {
        try {
            mapping(json).check(type(typeCode));
            return List.of();
        } catch (InvalidInput e) {
            return e.fieldIssues().stream().map(FieldIssue::field).toList();
        }
    }

    @Test
    void aFullMappingParsesWithDefaults() {
        PayloadMapping m = mapping("{\"timestamp\": {\"path\": \"/ts\"}, \"items\": \"data\","
                + " \"properties\": [{\"path\": \"/pm25\", \"property\": \"pm25\", \"unit\": \"ug/m3\"}],"
                + " \"csv\": {\"columns\": [\"ts\", \"pm25\"], \"delimiter\": \"\\t\"}}");
        assertThat(m.timestamp()).isEqualTo(new PayloadMapping.Timestamp("/ts", null, "Asia/Shanghai"));
        assertThat(m.properties().get(0)).isEqualTo(new PayloadMapping.Rule("/pm25", "pm25", "ug/m3", 1, 0));
        assertThat(m.csv()).isEqualTo(new PayloadMapping.Csv(List.of("ts", "pm25"), "\t", false));
        m.check(type("air-quality-station"));
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        assertThat(parseIssues("{\"timestamp\": {\"path\": \"a..b\", \"format\": \"yyyy-MM-dd HH:mm:ss qqqqqq\","
                        + " \"zone\": \"Mars/Olympus\"}, \"items\": \"/x~2\","
                        + " \"properties\": [{\"property\": \"pm25\"}, {\"path\": \"v\", \"property\": \"pm25\","
                        + " \"scale\": 0}, 7, {\"path\": \"w\", \"property\": \"pm10\", \"offset\": \"x\"}],"
                        + " \"csv\": {\"delimiter\": \"::\", \"header\": \"yes\"}}"))
                .containsExactlyInAnyOrder(
                        "timestamp.path payload.path",
                        "timestamp.zone payload.zone",
                        "timestamp.format payload.time-format",
                        "items payload.path",
                        "properties[0].path validation.required",
                        "properties[1].property payload.duplicate-property",
                        "properties[1].scale payload.scale-zero",
                        "properties[2] payload.mapping-object",
                        "properties[3].offset payload.mapping-number",
                        "csv.delimiter payload.csv-delimiter",
                        "csv.header payload.mapping-boolean",
                        "csv.columns payload.csv-columns");
        assertThat(parseIssues("[]")).containsExactly("mapping payload.mapping-object");
        assertThat(parseIssues("{}")).containsExactly("properties validation.required");
    }

    @Test
    void checkingAgainstTheTypeFindsUnknownPropertiesAndUnits() {
        assertThat(checkIssues(
                        "{\"properties\": [{\"path\": \"a\", \"property\": \"pm25\", \"unit\": \"mg/m³\"},"
                                + " {\"path\": \"b\", \"property\": \"pm1\"},"
                                + " {\"path\": \"c\", \"property\": \"pm10\", \"unit\": \"furlongs\"},"
                                + " {\"path\": \"d\", \"property\": \"co\", \"unit\": \"ppm\"},"
                                + " {\"path\": \"e\", \"property\": \"aqi\", \"unit\": \"%\"}]}",
                        "air-quality-station"))
                .containsExactly(
                        "properties[1].property", "properties[2].unit", "properties[3].unit", "properties[4].unit");
        assertThat(checkIssues(
                        "{\"properties\": [{\"path\": \"a\", \"property\": \"powerState\", \"scale\": 2}]}",
                        "smart-light-pole"))
                .containsExactly("properties[0].scale");
    }

    @Test
    void unitIssuesCarryBothUnitsForTheMessage() {
        assertThatThrownBy(() -> mapping("{\"properties\": [{\"path\": \"a\", \"property\": \"temperature\","
                                + " \"unit\": \"hPa\"}]}")
                        .check(type("air-micro-station")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    FieldIssue i = e.fieldIssues().get(0);
                    assertThat(i.messageKey()).isEqualTo("payload.unconvertible-unit");
                    assertThat(i.args()).containsExactly("hPa", "°C", "temperature");
                });
    }
}
