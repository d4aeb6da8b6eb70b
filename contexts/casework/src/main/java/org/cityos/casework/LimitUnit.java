package org.cityos.casework;

/**
 * What a time limit counts: natural time runs day and night, working time only in office hours of working days.
 * Minutes exist because an emergency must be answered within half an hour.
 */
public enum LimitUnit {
    MINUTES("m", false, 24 * 60),
    HOURS("h", false, 90 * 24),
    WORKING_HOURS("wh", true, 1000),
    DAYS("d", false, 366),
    WORKING_DAYS("wd", true, 250);

    private final String symbol;
    private final boolean working;
    private final int max;

    LimitUnit(String symbol, boolean working, int max) {
        this.symbol = symbol;
        this.working = working;
        this.max = max;
    }

    /** The suffix in the written form: {@code 30m}, {@code 2h}, {@code 4wh}, {@code 3d}, {@code 15wd}. */
    public String symbol() {
        return symbol;
    }

    /** True when only office hours of working days count. */
    public boolean working() {
        return working;
    }

    /** The largest amount accepted: anything longer is a typing error, not a deadline. */
    public int max() {
        return max;
    }

    static LimitUnit bySymbol(String symbol) {
        for (LimitUnit unit : values()) {
            if (unit.symbol.equals(symbol)) {
                return unit;
            }
        }
        return null;
    }
}
