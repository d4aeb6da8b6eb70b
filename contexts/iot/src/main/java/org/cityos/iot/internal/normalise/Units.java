package org.cityos.iot.internal.normalise;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The units the normaliser converts between, grouped by dimension, with the spellings devices and
 * people commonly use for them ({@code ug/m3}, {@code μg/m³}, {@code degC}, {@code ℃}).
 */
final class Units {
    private static final Map<String, Unit> BY_SPELLING = new HashMap<>();

    static {
        // Temperature, base kelvin.
        unit("K", "temperature", 1, 0);
        unit("°C", "temperature", 1, 273.15, "degC", "℃", "Cel", "celsius");
        unit("°F", "temperature", 5.0 / 9.0, 459.67 * 5.0 / 9.0, "degF", "℉", "fahrenheit");
        // Mass concentration, base µg/m³; mg/L equals g/m³.
        unit("µg/m3", "mass-concentration", 1, 0, "ug/m3");
        unit("mg/m3", "mass-concentration", 1e3, 0);
        unit("g/m3", "mass-concentration", 1e6, 0);
        unit("mg/L", "mass-concentration", 1e6, 0, "mg/l");
        unit("µg/L", "mass-concentration", 1e3, 0, "ug/L", "ug/l", "µg/l");
        // Pressure, base pascal.
        unit("Pa", "pressure", 1, 0);
        unit("hPa", "pressure", 1e2, 0, "mbar");
        unit("kPa", "pressure", 1e3, 0);
        unit("MPa", "pressure", 1e6, 0);
        unit("bar", "pressure", 1e5, 0);
        // Length, base metre.
        unit("mm", "length", 1e-3, 0);
        unit("cm", "length", 1e-2, 0);
        unit("m", "length", 1, 0);
        unit("km", "length", 1e3, 0);
        // Speed, base m/s.
        unit("m/s", "speed", 1, 0, "mps");
        unit("km/h", "speed", 1 / 3.6, 0, "kmh", "kph");
        // Ratios of a whole.
        unit("%", "ratio", 1e-2, 0, "percent");
        unit("‰", "ratio", 1e-3, 0, "permille");
        // Volume mixing ratios: ppm and ppb only convert into each other, never into mass concentration.
        unit("ppm", "mixing-ratio", 1e-6, 0);
        unit("ppb", "mixing-ratio", 1e-9, 0);
        // Electricity.
        unit("V", "voltage", 1, 0);
        unit("mV", "voltage", 1e-3, 0);
        unit("kV", "voltage", 1e3, 0);
        unit("A", "current", 1, 0);
        unit("mA", "current", 1e-3, 0);
        unit("W", "power", 1, 0);
        unit("kW", "power", 1e3, 0);
        unit("MW", "power", 1e6, 0);
        unit("Wh", "energy", 1, 0);
        unit("kWh", "energy", 1e3, 0);
        unit("MWh", "energy", 1e6, 0);
        // Light and sound.
        unit("lx", "illuminance", 1, 0, "lux");
        unit("klx", "illuminance", 1e3, 0);
        unit("dB", "sound-level", 1, 0);
        unit("dB(A)", "a-weighted-sound-level", 1, 0, "dBA", "dB(a)");
        // Volume and flow, base m³ and m³/s.
        unit("L", "volume", 1e-3, 0, "l");
        unit("m3", "volume", 1, 0);
        unit("m3/s", "flow", 1, 0);
        unit("m3/h", "flow", 1 / 3600.0, 0);
        unit("L/s", "flow", 1e-3, 0, "l/s");
        unit("L/min", "flow", 1e-3 / 60, 0, "l/min");
        // Time, base second.
        unit("s", "time", 1, 0, "sec");
        unit("min", "time", 60, 0);
        unit("h", "time", 3600, 0, "hr");
        // Angle, base degree.
        unit("°", "angle", 1, 0, "deg");
        unit("rad", "angle", 180 / Math.PI, 0);
        // Others the catalogue uses, each its own dimension so that they only match themselves.
        unit("m/s2", "acceleration", 1, 0);
        unit("µS/cm", "conductivity", 1, 0, "uS/cm");
        unit("mS/cm", "conductivity", 1e3, 0);
    }

    private Units() {}

    /** The unit a spelling names; empty for an unknown one. */
    static Optional<Unit> find(String spelling) {
        if (spelling == null || spelling.isBlank()) {
            return Optional.empty();
        }
        Unit u = BY_SPELLING.get(spelling.strip());
        return u != null ? Optional.of(u) : Optional.ofNullable(BY_SPELLING.get(canonical(spelling.strip())));
    }

    /** Folds superscripts and the two micro signs, so that {@code μg/m³} and {@code µg/m3} are one spelling. */
    static String canonical(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '³' -> b.append('3');
                case '²' -> b.append('2');
                case 'μ' -> b.append('µ');
                case ' ' -> {}
                default -> b.append(c);
            }
        }
        String out = b.toString();
        return out.startsWith("u") && out.length() > 1 && "gSsLm".indexOf(out.charAt(1)) >= 0
                ? "µ" + out.substring(1)
                : out;
    }

    private static void unit(String symbol, String dimension, double factor, double offset, String... aliases) {
        Unit u = new Unit(symbol, dimension, factor, offset);
        BY_SPELLING.put(symbol, u);
        for (String alias : aliases) {
            BY_SPELLING.put(alias, u);
        }
    }
}
