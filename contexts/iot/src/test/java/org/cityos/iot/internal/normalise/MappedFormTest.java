package org.cityos.iot.internal.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.cityos.iot.internal.normalise.Catalogue.RECEIVED;
import static org.cityos.iot.internal.normalise.Catalogue.mapping;
import static org.cityos.iot.internal.normalise.Catalogue.readings;
import static org.cityos.iot.internal.normalise.Catalogue.reason;

import java.time.Instant;
import java.util.List;
import org.cityos.iot.PayloadForm;
import org.cityos.iot.PayloadMapping;
import org.junit.jupiter.api.Test;

class MappedFormTest {
    /** A vendor's hydrant sensor: kPa in tenths, local Beijing time, samples in an array. */
    private static final PayloadMapping HYDRANT = mapping("{"
            + "\"timestamp\": {\"path\": \"t\", \"format\": \"yyyy-MM-dd HH:mm:ss\", \"zone\": \"Asia/Shanghai\"},"
            + "\"items\": \"/data/samples\","
            + "\"properties\": ["
            + "  {\"path\": \"/p\", \"property\": \"pressure\", \"unit\": \"kPa\", \"scale\": 0.1},"
            + "  {\"path\": \"status.tilt\", \"property\": \"tilted\"},"
            + "  {\"path\": \"bat\", \"property\": \"battery\"}]}");

    @Test
    void itemsPathsScaleUnitAndLocalTime() {
        List<NormalisedReading> r = readings(
                "hydrant-pressure",
                PayloadForm.MAPPED,
                HYDRANT,
                "{\"sn\": \"H-1\", \"data\": {\"samples\": ["
                        + "{\"t\": \"2026-11-24 09:30:00\", \"p\": 3500, \"status\": {\"tilt\": false}, \"bat\": 97},"
                        + "{\"t\": \"2026-11-24 09:40:00\", \"p\": 3480}]}}");
        assertThat(r)
                .extracting(NormalisedReading::property)
                .containsExactly("pressure", "tilted", "battery", "pressure");
        // 3500 tenths of kPa = 350 kPa = 0.35 MPa; 09:30 in Beijing is 01:30 UTC
        assertThat(r.get(0).number()).isCloseTo(0.35, within(1e-12));
        assertThat(r.get(0).at()).isEqualTo(Instant.parse("2026-11-24T01:30:00Z"));
        assertThat(r.get(1).number()).isEqualTo(0);
        assertThat(r.get(3).at()).isEqualTo(Instant.parse("2026-11-24T01:40:00Z"));
    }

    @Test
    void offsetAndOtherZones() {
        PayloadMapping m = mapping("{\"timestamp\": {\"path\": \"/time\", \"format\": \"dd.MM.yyyy HH:mm\","
                + " \"zone\": \"Europe/Berlin\"}, \"properties\": [{\"path\": \"/raw\", \"property\": \"temperature\","
                + " \"scale\": 0.01, \"offset\": -40}]}");
        NormalisedReading r = readings(
                        "cold-chain-temperature", null, m, "{\"time\": \"24.11.2026 02:55\", \"raw\": 3650}")
                .get(0);
        assertThat(r.number()).isCloseTo(-3.5, within(1e-12));
        assertThat(r.at()).isEqualTo(Instant.parse("2026-11-24T01:55:00Z"));
    }

    @Test
    void epochFormatsAndMissingValues() {
        PayloadMapping m = mapping("{\"timestamp\": {\"path\": \"ts\", \"format\": \"EPOCH_SECONDS\"},"
                + " \"properties\": [{\"path\": \"d.lvl\", \"property\": \"currentLevel\", \"unit\": \"cm\"},"
                + " {\"path\": \"d.bat\", \"property\": \"battery\"}]}");
        List<NormalisedReading> r =
                readings("waterlogging-level", null, m, "{\"ts\": \"1795485000\", \"d\": {\"lvl\": 420}}");
        assertThat(r).hasSize(1);
        assertThat(r.get(0).number()).isCloseTo(4.2, within(1e-12));
        assertThat(r.get(0).flags()).isEqualTo(NormalisedReading.OUT_OF_RANGE);
        assertThat(r.get(0).at()).isEqualTo(Instant.ofEpochSecond(1795485000));
        assertThat(readings("waterlogging-level", null, m, "{\"d\": {\"lvl\": 12}}")
                        .get(0)
                        .at())
                .isEqualTo(RECEIVED);
    }

    @Test
    void mappedPayloadsThatDoNotFitAreUndecodable() {
        assertThat(reason("hydrant-pressure", PayloadForm.MAPPED, HYDRANT, "{\"data\": {\"samples\": 5}}"))
                .isEqualTo("items at /data/samples is not an array");
        assertThat(reason(
                        "hydrant-pressure",
                        PayloadForm.MAPPED,
                        HYDRANT,
                        "{\"data\": {\"samples\": [{\"t\": \"2026-11-24T09:30\", \"p\": 1}]}}"))
                .isEqualTo("timestamp \"2026-11-24T09:30\" is not a time");
        assertThat(reason(
                        "hydrant-pressure",
                        PayloadForm.MAPPED,
                        HYDRANT,
                        "{\"data\": {\"samples\": [{\"p\": \"high\"}]}}"))
                .isEqualTo("property pressure: expected NUMBER, got \"high\"");
        assertThat(reason("hydrant-pressure", PayloadForm.MAPPED, HYDRANT, "{\"data\": {\"samples\": []}}"))
                .isEqualTo("no readings");
        assertThat(reason("hydrant-pressure", PayloadForm.MAPPED, null, "{\"p\": 1}"))
                .isEqualTo("form MAPPED needs a mapping");
        // a mapping written for another type is caught when it is applied
        assertThat(reason("rain-gauge", PayloadForm.MAPPED, HYDRANT, "{\"data\": {\"samples\": []}}"))
                .isEqualTo("mapping: the device type has no property pressure");
    }
}
