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

class CsvFormTest {
    private static final PayloadMapping WEATHER =
            mapping("{\"csv\": {\"columns\": [\"ts\", \"temperature\", \"humidity\", \"windSpeed\"]}}");

    @Test
    void linesWithNamedColumnsAreSamples() {
        List<NormalisedReading> r =
                readings("weather-station", PayloadForm.CSV, WEATHER, "1795485000,3.5,41,2.2\r\n1795485300,3.4,42,\n");
        assertThat(r).hasSize(5);
        assertThat(r.get(0))
                .isEqualTo(new NormalisedReading("temperature", Instant.ofEpochSecond(1795485000), 3.5, null, 0));
        assertThat(r.get(4).property()).isEqualTo("humidity");
        assertThat(r.get(4).at()).isEqualTo(Instant.ofEpochSecond(1795485300));
    }

    @Test
    void headerLineSemicolonsQuotesAndRulesThatConvert() {
        PayloadMapping m = mapping("{\"csv\": {\"header\": true, \"delimiter\": \";\"},"
                + " \"timestamp\": {\"path\": \"Zeit\", \"format\": \"yyyy-MM-dd HH:mm:ss\"},"
                + " \"properties\": [{\"path\": \"T\", \"property\": \"supplyTemperature\", \"unit\": \"degF\"},"
                + "   {\"path\": \"P\", \"property\": \"power\", \"unit\": \"W\"}]}");
        List<NormalisedReading> r =
                readings("heat-pump-controller", null, m, "Zeit;T;P;powerState\n2026-11-24 09:50:00;104;2500;\"on\"\n");
        assertThat(r)
                .extracting(NormalisedReading::property)
                .containsExactly("supplyTemperature", "power", "powerState");
        assertThat(r.get(0).number()).isCloseTo(40.0, within(1e-9));
        assertThat(r.get(1).number()).isCloseTo(2.5, within(1e-12));
        assertThat(r.get(2).text()).isEqualTo("on");
        assertThat(r.get(0).at()).isEqualTo(Instant.parse("2026-11-24T01:50:00Z"));
    }

    @Test
    void flaggedCellsAndReceiptTimeWithoutTimeColumn() {
        PayloadMapping m = mapping("{\"csv\": {\"columns\": [\"fillLevel\", \"battery\", \"rssi\"]}}");
        List<NormalisedReading> r = readings("trash-bin-fill", PayloadForm.CSV, m, "130,88,-91");
        assertThat(r)
                .extracting(NormalisedReading::flags)
                .containsExactly(NormalisedReading.OUT_OF_RANGE, 0, NormalisedReading.UNDECLARED);
        assertThat(r).allMatch(x -> x.at().equals(RECEIVED));
    }

    @Test
    void brokenCsvIsUndecodable() {
        assertThat(reason("weather-station", PayloadForm.CSV, WEATHER, "1795485000,3.5,41"))
                .isEqualTo("line 1: 3 values for 4 columns");
        assertThat(reason("weather-station", PayloadForm.CSV, WEATHER, "1795485000,warm,41,2"))
                .isEqualTo("property temperature: expected NUMBER, got \"warm\"");
        assertThat(reason("weather-station", PayloadForm.CSV, WEATHER, "1795485000,Infinity,41,2"))
                .isEqualTo("property temperature: expected NUMBER, got \"Infinity\"");
        assertThat(reason("weather-station", PayloadForm.CSV, WEATHER, "\"1795485000,3,41,2"))
                .isEqualTo("line 1: a quote is not closed");
        assertThat(reason("weather-station", PayloadForm.CSV, null, "1,2"))
                .isEqualTo("CSV needs a mapping with csv settings");
        assertThat(reason("weather-station", null, null, "1,2,3")).isEqualTo("not JSON and no CSV mapping");
        assertThat(reason("weather-station", PayloadForm.CSV, WEATHER, "\n\n")).isEqualTo("empty payload");
        assertThat(reason("weather-station", PayloadForm.CSV, WEATHER, ",,,\n")).isEqualTo("no readings");
    }
}
