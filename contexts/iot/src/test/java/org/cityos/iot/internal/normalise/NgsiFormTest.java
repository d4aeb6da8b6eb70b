package org.cityos.iot.internal.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.cityos.iot.internal.normalise.Catalogue.RECEIVED;
import static org.cityos.iot.internal.normalise.Catalogue.byProperty;
import static org.cityos.iot.internal.normalise.Catalogue.readings;
import static org.cityos.iot.internal.normalise.Catalogue.reason;

import java.time.Instant;
import java.util.Map;
import org.cityos.iot.PayloadForm;
import org.junit.jupiter.api.Test;

class NgsiFormTest {
    private static final Instant OBSERVED = Instant.parse("2026-11-24T01:50:00Z");

    @Test
    void v2KeyValuesMapAttributesThroughTheModelAndSkipIdentity() {
        Map<String, NormalisedReading> p = byProperty(readings(
                "air-quality-station",
                PayloadForm.NGSI_V2,
                "{\"id\": \"AirQualityObserved:daxing-01\", \"type\": \"AirQualityObserved\","
                        + " \"dateObserved\": \"2026-11-24T01:50:00Z\", \"address\": {\"addressLocality\": \"Daxing\"},"
                        + " \"location\": {\"type\": \"Point\", \"coordinates\": [116.34, 39.72]},"
                        + " \"pm25\": 35, \"airQualityIndex\": 62, \"refPointOfInterest\": \"poi-1\"}"));
        assertThat(p).containsOnlyKeys("pm25", "aqi");
        assertThat(p.get("aqi").number()).isEqualTo(62);
        assertThat(p.get("pm25").at()).isEqualTo(OBSERVED);
    }

    @Test
    void v2NormalizedUsesMetadataTimestampAndUnitCode() {
        Map<String, NormalisedReading> p = byProperty(readings(
                "air-micro-station",
                PayloadForm.NGSI_V2,
                "{\"id\": \"urn:AirQualityObserved:m7\", \"type\": \"AirQualityObserved\","
                        + " \"dateObserved\": {\"type\": \"DateTime\", \"value\": \"2026-11-24T01:50:00Z\"},"
                        + " \"pm10\": {\"type\": \"Number\", \"value\": 80},"
                        + " \"relativeHumidity\": {\"type\": \"Number\", \"value\": 0.41, \"metadata\": {"
                        + "   \"unitCode\": {\"type\": \"Text\", \"value\": \"C62\"}}},"
                        + " \"temperature\": {\"type\": \"Number\", \"value\": 50, \"metadata\": {"
                        + "   \"timestamp\": {\"type\": \"DateTime\", \"value\": \"2026-11-24T01:45:00Z\"},"
                        + "   \"unitCode\": {\"type\": \"Text\", \"value\": \"FAH\"}}}}"));
        assertThat(p.get("pm10").at()).isEqualTo(OBSERVED);
        assertThat(p.get("temperature").at()).isEqualTo(Instant.parse("2026-11-24T01:45:00Z"));
        assertThat(p.get("temperature").number()).isCloseTo(10.0, within(1e-9));
        assertThat(p.get("humidity").number()).isEqualTo(0.41);
    }

    @Test
    void ldNormalizedConvertsUnitCodesAndReadsObservedAt() {
        Map<String, NormalisedReading> p = byProperty(readings(
                "air-quality-station",
                PayloadForm.NGSI_LD,
                "{\"@context\": [\"https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld\"],"
                        + " \"id\": \"urn:ngsi-ld:AirQualityObserved:daxing-01\", \"type\": \"AirQualityObserved\","
                        + " \"pm25\": {\"type\": \"Property\", \"value\": 35, \"observedAt\": \"2026-11-24T01:50:00Z\","
                        + "   \"unitCode\": \"GQ\"},"
                        + " \"co\": {\"type\": \"Property\", \"value\": 1200, \"unitCode\": \"GQ\"},"
                        + " \"refDevice\": {\"type\": \"Relationship\", \"object\": \"urn:ngsi-ld:Device:1\"},"
                        + " \"location\": {\"type\": \"GeoProperty\", \"value\": {\"type\": \"Point\","
                        + "   \"coordinates\": [116.34, 39.72]}}}"));
        assertThat(p).containsOnlyKeys("pm25", "co");
        assertThat(p.get("pm25").at()).isEqualTo(OBSERVED);
        assertThat(p.get("pm25").number()).isEqualTo(35);
        // co is declared in mg/m3: 1200 µg/m3 = 1.2 mg/m3
        assertThat(p.get("co").number()).isCloseTo(1.2, within(1e-12));
        assertThat(p.get("co").at()).isEqualTo(RECEIVED);
    }

    @Test
    void ldKeyValuesWithExpandedNamesAndDetection() {
        Map<String, NormalisedReading> p = byProperty(readings(
                "waterlogging-level",
                null,
                "{\"id\": \"urn:ngsi-ld:FloodMonitoring:w3\", \"type\": \"FloodMonitoring\","
                        + " \"https://smartdatamodels.org/dataModel.Environment/currentLevel\": 3.4,"
                        + " \"dateObserved\": \"2026-11-24T01:50:00Z\"}"));
        assertThat(p.get("currentLevel").number()).isEqualTo(3.4);
        assertThat(p.get("currentLevel").flags()).isEqualTo(NormalisedReading.OUT_OF_RANGE);
        assertThat(p.get("currentLevel").at()).isEqualTo(OBSERVED);
    }

    @Test
    void undeclaredNgsiAttributesAreFlagged() {
        Map<String, NormalisedReading> p = byProperty(readings(
                "air-quality-station",
                PayloadForm.NGSI_V2,
                "{\"id\": \"a1\", \"type\": \"AirQualityObserved\", \"pm25\": 35, \"benzene\": 0.4}"));
        assertThat(p.get("benzene").flags()).isEqualTo(NormalisedReading.UNDECLARED);
    }

    @Test
    void unitCodesThatDoNotFitAreUndecodable() {
        assertThat(reason(
                        "air-quality-station",
                        PayloadForm.NGSI_LD,
                        "{\"id\": \"urn:ngsi-ld:AirQualityObserved:1\", \"type\": \"AirQualityObserved\","
                                + " \"pm25\": {\"type\": \"Property\", \"value\": 35, \"unitCode\": \"CEL\"}}"))
                .isEqualTo("property pm25: unit code CEL (°C) does not convert to µg/m3");
        assertThat(reason(
                        "air-quality-station",
                        PayloadForm.NGSI_LD,
                        "{\"id\": \"urn:ngsi-ld:AirQualityObserved:1\", \"type\": \"AirQualityObserved\","
                                + " \"pm25\": {\"type\": \"Property\", \"value\": 35, \"unitCode\": \"XYZ\"}}"))
                .isEqualTo("property pm25: unit code XYZ is unknown");
    }

    @Test
    void wrongValuesAndTimesInNgsiAreUndecodable() {
        assertThat(reason(
                        "parking-guidance-screen",
                        PayloadForm.NGSI_V2,
                        "{\"id\": \"p1\", \"type\": \"OffStreetParking\", \"availableSpotNumber\": {\"type\": \"Number\","
                                + " \"value\": 12.5}}"))
                .isEqualTo("property availableSpots: expected INTEGER, got 12.5");
        assertThat(reason(
                        "parking-guidance-screen",
                        PayloadForm.NGSI_V2,
                        "{\"id\": \"p1\", \"type\": \"OffStreetParking\", \"dateObserved\": \"24/11/2026\","
                                + " \"availableSpotNumber\": 12}"))
                .isEqualTo("timestamp \"24/11/2026\" is not a time");
        assertThat(reason("parking-guidance-screen", PayloadForm.NGSI_V2, "{\"id\": \"p1\", \"type\": \"X\"}"))
                .isEqualTo("no readings");
    }
}
