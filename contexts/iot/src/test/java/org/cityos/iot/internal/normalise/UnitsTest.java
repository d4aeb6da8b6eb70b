package org.cityos.iot.internal.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UnitsTest {
    private static double convert(double v, String from, String to) {
        return Conversion.between(Units.find(from).orElseThrow(), Units.find(to).orElseThrow())
                .apply(v);
    }

    @Test
    void temperatures() {
        assertThat(convert(68, "°F", "°C")).isCloseTo(20, within(1e-9));
        assertThat(convert(-40, "°C", "°F")).isCloseTo(-40, within(1e-9));
        assertThat(convert(300, "K", "°C")).isCloseTo(26.85, within(1e-9));
        assertThat(convert(0, "°C", "K")).isCloseTo(273.15, within(1e-9));
    }

    @Test
    void scaledUnits() {
        assertThat(convert(1.2, "mg/m3", "µg/m3")).isCloseTo(1200, within(1e-9));
        assertThat(convert(1013.25, "hPa", "MPa")).isCloseTo(0.101325, within(1e-12));
        assertThat(convert(2.5, "bar", "kPa")).isCloseTo(250, within(1e-9));
        assertThat(convert(1500, "mm", "m")).isCloseTo(1.5, within(1e-12));
        assertThat(convert(36, "km/h", "m/s")).isCloseTo(10, within(1e-12));
        assertThat(convert(3600, "L", "m3")).isCloseTo(3.6, within(1e-12));
        assertThat(convert(36, "m3/h", "L/s")).isCloseTo(10, within(1e-12));
        assertThat(convert(2500, "Wh", "kWh")).isCloseTo(2.5, within(1e-12));
        assertThat(convert(30, "mA", "A")).isCloseTo(0.03, within(1e-12));
        assertThat(convert(0.45, "ppm", "ppb")).isCloseTo(450, within(1e-9));
        assertThat(convert(5, "‰", "%")).isCloseTo(0.5, within(1e-12));
        assertThat(convert(2, "h", "min")).isCloseTo(120, within(1e-12));
    }

    @Test
    void commonSpellingsNameTheSameUnit() {
        for (String s : new String[] {"µg/m3", "μg/m³", "ug/m3", "ug/m³", "µg/m³"}) {
            assertThat(Units.find(s)).map(Unit::symbol).contains("µg/m3");
        }
        for (String s : new String[] {"°C", "degC", "℃"}) {
            assertThat(Units.find(s)).map(Unit::symbol).contains("°C");
        }
        assertThat(Units.find("m³")).map(Unit::symbol).contains("m3");
        assertThat(Units.find("furlongs")).isEmpty();
        assertThat(Units.find("")).isEmpty();
    }

    @Test
    void onlyOneDimensionConverts() {
        assertThat(Units.find("ppm")
                        .orElseThrow()
                        .convertibleTo(Units.find("mg/m3").orElseThrow()))
                .isFalse();
        assertThat(Units.find("dB")
                        .orElseThrow()
                        .convertibleTo(Units.find("dB(A)").orElseThrow()))
                .isFalse();
        assertThat(Units.find("Pa")
                        .orElseThrow()
                        .convertibleTo(Units.find("bar").orElseThrow()))
                .isTrue();
    }

    @Test
    void scaleAndOffsetApplyBeforeTheUnitChange() {
        Conversion c = Conversion.of(
                0.1, -10, Units.find("°F").orElseThrow(), Units.find("°C").orElseThrow());
        // 780 tenths - 10 = 68 °F = 20 °C
        assertThat(c.apply(780)).isCloseTo(20, within(1e-9));
        assertThat(Conversion.of(1, 0, null, null)).isEqualTo(new Conversion(1, 0));
    }
}
