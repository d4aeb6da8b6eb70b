package org.cityos.kernel;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An administrative division or grid, named by its code. Prefixes give ancestry: a district is
 * {@code 110115000000}, its towns {@code 110115TTT000}, their communities/villages {@code 110115TTTVVV}
 * (12-digit statistical codes) and a grid is a community code plus a 3-digit serial (15 digits).
 */
public record DivisionCode(String value) implements Comparable<DivisionCode> {
    private static final Pattern SHAPE = Pattern.compile("\\d{12}|\\d{15}");

    public DivisionCode {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidDivisionCode(value);
        }
        if (value.length() == 15 && value.endsWith("000")) {
            throw new InvalidDivisionCode(value);
        }
        if (value.length() == 15 && value.substring(9, 12).equals("000")) {
            throw new InvalidDivisionCode(value);
        }
    }

    public static DivisionCode of(String value) {
        return new DivisionCode(value);
    }

    public static boolean isValid(String value) {
        try {
            new DivisionCode(value);
            return true;
        } catch (InvalidDivisionCode e) {
            return false;
        }
    }

    public DivisionLevel level() {
        if (value.length() == 15) {
            return DivisionLevel.GRID;
        }
        if (value.substring(4, 12).equals("00000000")) {
            return value.substring(2, 4).equals("00") ? DivisionLevel.PROVINCE : DivisionLevel.CITY;
        }
        if (value.substring(6, 12).equals("000000")) {
            return DivisionLevel.DISTRICT;
        }
        return value.substring(9, 12).equals("000") ? DivisionLevel.TOWN : DivisionLevel.COMMUNITY;
    }

    /** The digits that identify this division; every descendant's code starts with them. */
    public String prefix() {
        return switch (level()) {
            case PROVINCE -> value.substring(0, 2);
            case CITY -> value.substring(0, 4);
            case DISTRICT -> value.substring(0, 6);
            case TOWN -> value.substring(0, 9);
            case COMMUNITY, GRID -> value;
        };
    }

    public Optional<DivisionCode> parent() {
        return switch (level()) {
            case PROVINCE -> Optional.empty();
            case CITY -> Optional.of(new DivisionCode(value.substring(0, 2) + "0000000000"));
            case DISTRICT -> Optional.of(new DivisionCode(value.substring(0, 4) + "00000000"));
            case TOWN -> Optional.of(new DivisionCode(value.substring(0, 6) + "000000"));
            case COMMUNITY -> Optional.of(new DivisionCode(value.substring(0, 9) + "000"));
            case GRID -> Optional.of(new DivisionCode(value.substring(0, 12)));
        };
    }

    /** True when {@code other} is this division or lies inside it. */
    public boolean contains(DivisionCode other) {
        return other.value.startsWith(prefix()) && other.level().ordinal() >= level().ordinal();
    }

    @Override
    public int compareTo(DivisionCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
