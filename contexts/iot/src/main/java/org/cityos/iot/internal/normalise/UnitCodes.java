package org.cityos.iot.internal.normalise;

import java.util.Map;

/** UN/CEFACT Recommendation 20 unit codes, as NGSI attributes carry them in {@code unitCode}, for the common units. */
final class UnitCodes {
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("GQ", "µg/m3"),
            Map.entry("GP", "mg/m3"),
            Map.entry("M1", "mg/L"),
            Map.entry("CEL", "°C"),
            Map.entry("FAH", "°F"),
            Map.entry("KEL", "K"),
            Map.entry("P1", "%"),
            Map.entry("NX", "‰"),
            Map.entry("59", "ppm"),
            Map.entry("61", "ppb"),
            Map.entry("MTR", "m"),
            Map.entry("MMT", "mm"),
            Map.entry("CMT", "cm"),
            Map.entry("KMT", "km"),
            Map.entry("KMH", "km/h"),
            Map.entry("MTS", "m/s"),
            Map.entry("PAL", "Pa"),
            Map.entry("HPA", "hPa"),
            Map.entry("A97", "hPa"),
            Map.entry("KPA", "kPa"),
            Map.entry("MPA", "MPa"),
            Map.entry("BAR", "bar"),
            Map.entry("VLT", "V"),
            Map.entry("2Z", "mV"),
            Map.entry("AMP", "A"),
            Map.entry("4K", "mA"),
            Map.entry("WTT", "W"),
            Map.entry("KWT", "kW"),
            Map.entry("WHR", "Wh"),
            Map.entry("KWH", "kWh"),
            Map.entry("LUX", "lx"),
            Map.entry("2N", "dB"),
            Map.entry("LTR", "L"),
            Map.entry("MTQ", "m3"),
            Map.entry("MQS", "m3/s"),
            Map.entry("MQH", "m3/h"),
            Map.entry("SEC", "s"),
            Map.entry("MIN", "min"),
            Map.entry("HUR", "h"),
            Map.entry("DD", "°"),
            Map.entry("MSK", "m/s2"));

    private UnitCodes() {}

    /**
     * How to bring a value written in {@code code} into the slot's unit. A property without a unit takes the
     * value as it is; a code that is unknown or of another dimension makes the message unreadable, because
     * guessing would store a wrong number that looks right.
     */
    static Conversion conversion(String code, Slot slot) {
        String target = slot.property().unit();
        if (target.isEmpty() || code.equals("C62")) {
            return Conversion.IDENTITY;
        }
        String symbol = SYMBOLS.get(code);
        if (symbol == null) {
            throw new PayloadProblem(
                    "property " + slot.name() + ": unit code " + PayloadProblem.quote(code) + " is unknown");
        }
        Unit from = Units.find(symbol).orElseThrow();
        if (symbol.equals(target)
                || (slot.unit() != null && from.symbol().equals(slot.unit().symbol()))) {
            return Conversion.IDENTITY;
        }
        if (slot.unit() == null || !from.convertibleTo(slot.unit())) {
            throw new PayloadProblem("property " + slot.name() + ": unit code " + code + " (" + symbol
                    + ") does not convert to " + target);
        }
        return Conversion.between(from, slot.unit());
    }

    static String symbol(String code) {
        return SYMBOLS.get(code);
    }
}
