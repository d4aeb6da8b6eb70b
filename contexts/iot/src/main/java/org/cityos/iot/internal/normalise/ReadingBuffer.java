package org.cityos.iot.internal.normalise;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cityos.iot.DeviceDataType;
import tools.jackson.databind.JsonNode;

/**
 * Collects the readings of one message: checks every value against its property's data type, converts
 * it, flags what is suspicious and throws {@link PayloadProblem} for what is unreadable. One per message.
 */
final class ReadingBuffer {
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Duration LATEST_AFTER_RECEIPT = Duration.ofDays(1);

    private final Instant receivedAt;
    private final Instant skewAfter;
    private final Instant latest;
    private final List<NormalisedReading> readings = new ArrayList<>();

    ReadingBuffer(Instant receivedAt) {
        this.receivedAt = receivedAt;
        this.skewAfter = receivedAt.plus(Normaliser.CLOCK_SKEW_TOLERANCE);
        this.latest = receivedAt.plus(LATEST_AFTER_RECEIPT);
    }

    Instant receivedAt() {
        return receivedAt;
    }

    /** The time a sample gives, checked: not before 2000, not more than a day after receipt. */
    Instant checked(Instant at) {
        if (at.isBefore(EARLIEST)) {
            throw new PayloadProblem("timestamp " + at + " is before 2000");
        }
        if (at.isAfter(latest)) {
            throw new PayloadProblem("timestamp " + at + " is more than a day after receipt at " + receivedAt);
        }
        return at;
    }

    /**
     * Adds a JSON value. A declared property ({@code slot} not null) must match its data type; an undeclared
     * scalar is kept and flagged; an undeclared object or array is ignored, since it is structure, not a reading.
     */
    void add(Slot slot, String name, JsonNode value, Instant at, Conversion conversion) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        if (slot == null) {
            if (value.isNumber()) {
                number(null, name, value.doubleValue(), value, at, conversion);
            } else if (value.isBoolean()) {
                put(name, at, value.booleanValue() ? 1 : 0, null, NormalisedReading.UNDECLARED);
            } else if (value.isString()) {
                put(name, at, Double.NaN, value.stringValue(), NormalisedReading.UNDECLARED);
            }
            return;
        }
        DeviceDataType type = slot.property().dataType();
        if (value.isContainer()) {
            throw wrong(slot, value);
        }
        switch (type) {
            case NUMBER, INTEGER -> {
                if (value.isNumber()) {
                    number(slot, name, value.doubleValue(), value, at, conversion);
                } else if (value.isString() && Numbers.decimal(value.stringValue())) {
                    number(slot, name, Double.parseDouble(value.stringValue().strip()), value, at, conversion);
                } else {
                    throw wrong(slot, value);
                }
            }
            case BOOLEAN -> put(slot.name(), at, bool(slot, value), null, 0);
            case STRING, ENUM -> text(slot, value.isString() ? value.stringValue() : value.asString(), at);
        }
    }

    /** Adds a value written as text (CSV): numbers are parsed, undeclared text that looks numeric becomes a number. */
    void addText(Slot slot, String name, String value, Instant at, Conversion conversion) {
        if (value.isEmpty()) {
            return;
        }
        if (slot == null) {
            if (Numbers.decimal(value)) {
                number(null, name, Double.parseDouble(value.strip()), '"' + value + '"', at, conversion);
            } else {
                put(name, at, Double.NaN, value, NormalisedReading.UNDECLARED);
            }
            return;
        }
        switch (slot.property().dataType()) {
            case NUMBER, INTEGER -> {
                if (!Numbers.decimal(value)) {
                    throw wrong(slot, '"' + value + '"');
                }
                number(slot, name, Double.parseDouble(value.strip()), '"' + value + '"', at, conversion);
            }
            case BOOLEAN -> put(slot.name(), at, bool(slot, value.strip()), null, 0);
            case STRING, ENUM -> text(slot, value, at);
        }
    }

    List<NormalisedReading> finish() {
        if (readings.isEmpty()) {
            throw new PayloadProblem("no readings");
        }
        return readings;
    }

    private void number(Slot slot, String name, double raw, Object written, Instant at, Conversion conversion) {
        String property = slot == null ? name : slot.name();
        if (!Double.isFinite(raw)) {
            throw new PayloadProblem("property " + property + ": " + raw + " is not finite");
        }
        double v = conversion.apply(raw);
        if (slot == null) {
            put(property, at, v, null, NormalisedReading.UNDECLARED);
            return;
        }
        if (slot.property().dataType() == DeviceDataType.INTEGER && v != Math.rint(v)) {
            throw wrong(slot, written);
        }
        put(property, at, v, null, slot.inRange(v) ? 0 : NormalisedReading.OUT_OF_RANGE);
    }

    private void text(Slot slot, String value, Instant at) {
        boolean allowed = slot.property().dataType() != DeviceDataType.ENUM
                || slot.values().contains(value);
        put(slot.name(), at, Double.NaN, value, allowed ? 0 : NormalisedReading.OUT_OF_RANGE);
    }

    private static double bool(Slot slot, JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue() ? 1 : 0;
        }
        if (value.isNumber() && (value.doubleValue() == 0 || value.doubleValue() == 1)) {
            return value.doubleValue();
        }
        if (value.isString()) {
            return bool(slot, value.stringValue());
        }
        throw wrong(slot, value);
    }

    private static double bool(Slot slot, String value) {
        return switch (value) {
            case "true", "1" -> 1;
            case "false", "0" -> 0;
            default -> throw wrong(slot, '"' + value + '"');
        };
    }

    private void put(String property, Instant at, double number, String text, int flags) {
        if (readings.size() == Normaliser.MAX_READINGS) {
            throw new PayloadProblem("more than " + Normaliser.MAX_READINGS + " readings in one message");
        }
        checked(at);
        int f = at.isAfter(skewAfter) ? flags | NormalisedReading.CLOCK_SKEW : flags;
        readings.add(new NormalisedReading(property, at, number, text, f));
    }

    static PayloadProblem wrong(Slot slot, Object written) {
        return new PayloadProblem("property " + slot.name() + ": expected "
                + slot.property().dataType() + ", got " + PayloadProblem.quote(written));
    }
}
