package org.cityos.catalog.quality;

/**
 * A value read by a regular expression at most {@code budget} characters in all: java.util.regex backtracks
 * exponentially on patterns such as {@code (a+)+b}, and a steward's pattern must not stall a run.
 */
final class BoundedText implements CharSequence {
    /** Thrown when the pattern read more than its budget. */
    static final class TooCostly extends RuntimeException {
        TooCostly() {
            super("pattern exceeded its matching budget", null, false, false);
        }
    }

    private final String text;
    private final int[] reads;
    private final int budget;

    BoundedText(String text, int budget) {
        this(text, new int[1], budget);
    }

    private BoundedText(String text, int[] reads, int budget) {
        this.text = text;
        this.reads = reads;
        this.budget = budget;
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        if (++reads[0] > budget) {
            throw new TooCostly();
        }
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedText(text.substring(start, end), reads, budget);
    }

    @Override
    public String toString() {
        return text;
    }
}
