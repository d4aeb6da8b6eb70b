package org.cityos.iot.internal.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.iot.internal.normalise.Catalogue.RECEIVED;
import static org.cityos.iot.internal.normalise.Catalogue.byProperty;
import static org.cityos.iot.internal.normalise.Catalogue.readings;
import static org.cityos.iot.internal.normalise.Catalogue.reason;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cityos.iot.PayloadForm;
import org.junit.jupiter.api.Test;

class KeyValueFormTest {
    private static final PayloadForm KV = PayloadForm.KEY_VALUES;

    @Test
    void flatObjectWithoutTimeIsReadAtReceipt() {
        List<NormalisedReading> r = readings("air-quality-station", KV, "{\"pm25\": 35, \"pm10\": 80, \"aqi\": 62}");
        assertThat(r)
                .containsExactly(
                        new NormalisedReading("pm25", RECEIVED, 35, null, 0),
                        new NormalisedReading("pm10", RECEIVED, 80, null, 0),
                        new NormalisedReading("aqi", RECEIVED, 62, null, 0));
    }

    @Test
    void thingsBoardFormTakesTsInMilliseconds() {
        List<NormalisedReading> r = readings(
                "smart-light-pole",
                KV,
                "{\"ts\": 1795485000000, \"values\": {\"powerState\": \"on\", \"voltage\": 229.4, \"current\": 0.8}}");
        Map<String, NormalisedReading> p = byProperty(r);
        assertThat(p.get("powerState").text()).isEqualTo("on");
        assertThat(p.get("powerState").number()).isNaN();
        assertThat(p.get("voltage").number()).isEqualTo(229.4);
        assertThat(p.get("voltage").at()).isEqualTo(Instant.ofEpochMilli(1795485000000L));
    }

    @Test
    void arrayOfSamplesKeepsEachSampleTime() {
        List<NormalisedReading> r = readings(
                "waterlogging-level",
                KV,
                "[{\"ts\": 1795484400, \"currentLevel\": 0.12}, {\"timestamp\": \"2026-11-24T01:55:00Z\","
                        + " \"currentLevel\": 0.15}, {\"time\": \"2026-11-24 09:58:00\", \"currentLevel\": 0.2}]");
        assertThat(r)
                .extracting(NormalisedReading::at)
                .containsExactly(
                        Instant.ofEpochSecond(1795484400),
                        Instant.parse("2026-11-24T01:55:00Z"),
                        // local time without offset is Beijing time
                        Instant.parse("2026-11-24T01:58:00Z"));
        assertThat(r).extracting(NormalisedReading::number).containsExactly(0.12, 0.15, 0.2);
    }

    @Test
    void booleansBecomeOneAndZeroAndIntegralIntegersPass() {
        Map<String, NormalisedReading> p = byProperty(readings(
                "elderly-wearable", KV, "{\"heartRate\": 72.0, \"fallDetected\": false, \"steps\": \"5120\"}"));
        assertThat(p.get("fallDetected").number()).isEqualTo(0);
        assertThat(p.get("fallDetected").text()).isNull();
        assertThat(p.get("heartRate").number()).isEqualTo(72);
        assertThat(p.get("steps").number()).isEqualTo(5120);
        assertThat(byProperty(readings("manhole-tilt", KV, "{\"opened\": true}"))
                        .get("opened")
                        .number())
                .isEqualTo(1);
    }

    @Test
    void outOfRangeAndUnknownEnumValuesAreKeptAndFlagged() {
        Map<String, NormalisedReading> p = byProperty(
                readings("smart-light-pole", KV, "{\"voltage\": 512, \"powerState\": \"flashing\", \"current\": 1.5}"));
        assertThat(p.get("voltage").flags()).isEqualTo(NormalisedReading.OUT_OF_RANGE);
        assertThat(p.get("voltage").number()).isEqualTo(512);
        assertThat(p.get("powerState").has(NormalisedReading.OUT_OF_RANGE)).isTrue();
        assertThat(p.get("current").flags()).isZero();
    }

    @Test
    void undeclaredScalarsAreFlaggedAndStructureIsIgnored() {
        Map<String, NormalisedReading> p = byProperty(readings(
                "rain-gauge",
                KV,
                "{\"precipitation\": 2.5, \"rssi\": -87, \"fw\": \"1.4.2\", \"gps\": {\"lat\": 39.7}}"));
        assertThat(p).containsOnlyKeys("precipitation", "rssi", "fw");
        assertThat(p.get("rssi").flags()).isEqualTo(NormalisedReading.UNDECLARED);
        assertThat(p.get("rssi").number()).isEqualTo(-87);
        assertThat(p.get("fw").text()).isEqualTo("1.4.2");
    }

    @Test
    void aClockAheadByMinutesIsFlaggedAndKept() {
        Instant ahead = RECEIVED.plusSeconds(15 * 60);
        NormalisedReading r = readings("noise-monitor", KV, "{\"ts\": " + ahead.toEpochMilli() + ", \"laeq\": 55.2}")
                .get(0);
        assertThat(r.at()).isEqualTo(ahead);
        assertThat(r.flags()).isEqualTo(NormalisedReading.CLOCK_SKEW);
        NormalisedReading near = readings(
                        "noise-monitor",
                        KV,
                        "{\"ts\": " + RECEIVED.plusSeconds(9 * 60).toEpochMilli() + ", \"laeq\": 40}")
                .get(0);
        assertThat(near.flags()).isZero();
    }

    @Test
    void wrongTypesAreUndecodableWithSpecificReasons() {
        assertThat(reason("air-quality-station", KV, "{\"pm25\": \"abc\"}"))
                .isEqualTo("property pm25: expected NUMBER, got \"abc\"");
        assertThat(reason("air-quality-station", KV, "{\"aqi\": 3.5}"))
                .isEqualTo("property aqi: expected INTEGER, got 3.5");
        assertThat(reason("air-quality-station", KV, "{\"pm25\": {\"value\": 35}}"))
                .isEqualTo("property pm25: expected NUMBER, got {\"value\":35}");
        assertThat(reason("manhole-tilt", KV, "{\"opened\": \"maybe\"}"))
                .isEqualTo("property opened: expected BOOLEAN, got \"maybe\"");
    }

    @Test
    void nonFiniteNumbersAreUndecodable() {
        assertThat(reason("air-quality-station", KV, "{\"pm25\": NaN}")).isEqualTo("property pm25: NaN is not finite");
        assertThat(reason("air-quality-station", KV, "{\"pm10\": Infinity}"))
                .isEqualTo("property pm10: Infinity is not finite");
        assertThat(reason("air-quality-station", KV, "{\"pm10\": 1e400}")).contains("is not finite");
        assertThat(reason("air-quality-station", KV, "{\"pm10\": \"NaN\"}"))
                .isEqualTo("property pm10: expected NUMBER, got \"NaN\"");
    }

    @Test
    void brokenOrEmptyMessagesAreUndecodable() {
        assertThat(reason("air-quality-station", KV, "{\"pm25\": 35,")).startsWith("malformed JSON at line 1");
        assertThat(reason("air-quality-station", KV, "")).isEqualTo("empty payload");
        assertThat(reason("air-quality-station", KV, "  \n")).isEqualTo("empty payload");
        assertThat(reason("air-quality-station", KV, "{}")).isEqualTo("no readings");
        assertThat(reason("air-quality-station", KV, "{\"ts\": 1795485000000, \"pm25\": null}"))
                .isEqualTo("no readings");
        assertThat(reason("air-quality-station", KV, "42")).startsWith("expected a JSON object or array");
    }

    @Test
    void impossibleTimesAreUndecodable() {
        assertThat(reason("air-quality-station", KV, "{\"ts\": \"yesterday\", \"pm25\": 3}"))
                .isEqualTo("timestamp \"yesterday\" is not a time");
        assertThat(reason("air-quality-station", KV, "{\"ts\": 946684799, \"pm25\": 3}"))
                .isEqualTo("timestamp 1999-12-31T23:59:59Z is before 2000");
        assertThat(reason("air-quality-station", KV, "{\"ts\": \"2026-11-25T03:00:00Z\", \"pm25\": 3}"))
                .isEqualTo("timestamp 2026-11-25T03:00:00Z is more than a day after receipt at 2026-11-24T02:00:00Z");
    }

    @Test
    void moreThanTenThousandReadingsAreRefused() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < 10_001; i++) {
            b.append(i == 0 ? "" : ",").append("{\"pm25\": ").append(i % 300).append('}');
        }
        assertThat(reason("air-quality-station", KV, b + "]")).isEqualTo("more than 10000 readings in one message");
        assertThat(readings("air-quality-station", KV, b.substring(0, b.lastIndexOf(",")) + "]"))
                .hasSize(10_000);
    }
}
