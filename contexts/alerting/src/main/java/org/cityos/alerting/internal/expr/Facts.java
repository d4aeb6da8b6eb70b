package org.cityos.alerting.internal.expr;

import java.util.Arrays;
import java.util.List;

/**
 * Values for one evaluation, by slot. Numbers missing are NaN; a bool is kept as the number 1 or 0 (missing NaN);
 * text and lists missing are null. Reusable: {@link #clear()} makes everything missing again. Not thread-safe:
 * one instance per thread.
 */
public final class Facts {
    final Vocabulary vocabulary;
    // Package-private so evaluator nodes read a slot without a call; nothing outside the package can see them.
    final double[] numbers;
    final Object[] refs;

    public Facts(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.numbers = new double[vocabulary.size()];
        this.refs = new Object[vocabulary.size()];
        Arrays.fill(numbers, Double.NaN);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Sets a NUMBER slot; NaN makes it missing. */
    public void number(int slot, double v) {
        expect(slot, VarType.NUMBER);
        numbers[slot] = v;
    }

    public void bool(int slot, boolean v) {
        expect(slot, VarType.BOOL);
        numbers[slot] = v ? 1 : 0;
    }

    /** Sets a TEXT slot; null makes it missing. */
    public void text(int slot, String v) {
        expect(slot, VarType.TEXT);
        refs[slot] = v;
    }

    /** Sets a TEXT_LIST slot; null makes it missing. The list is kept, not copied: do not change it meanwhile. */
    public void texts(int slot, List<String> v) {
        expect(slot, VarType.TEXT_LIST);
        refs[slot] = v;
    }

    /** Makes every slot missing. */
    /** Makes one slot missing again (the hot path overwrites the slots it uses instead of clearing all). */
    public void unset(int slot) {
        numbers[slot] = Double.NaN;
        refs[slot] = null;
    }

    public void clear() {
        Arrays.fill(numbers, Double.NaN);
        Arrays.fill(refs, null);
    }

    /** A NUMBER slot's value, or a BOOL slot's 1/0; NaN when missing. */
    public double number(int slot) {
        return numbers[slot];
    }

    public String text(int slot) {
        return refs[slot] instanceof String s ? s : null;
    }

    @SuppressWarnings("unchecked")
    public List<String> texts(int slot) {
        return refs[slot] instanceof List<?> l ? (List<String>) l : null;
    }

    boolean missing(int slot) {
        return switch (vocabulary.type(slot)) {
            case NUMBER, BOOL -> Double.isNaN(numbers[slot]);
            case TEXT, TEXT_LIST -> refs[slot] == null;
        };
    }

    /** Facts are read by slot, so they must come from the condition's vocabulary (or an equal one). */
    static void requireFits(Facts facts, Vocabulary vocabulary) {
        if (!facts.vocabulary.equals(vocabulary)) {
            throw new IllegalArgumentException(
                    "facts of " + facts.vocabulary + " given to a condition over " + vocabulary);
        }
    }

    private void expect(int slot, VarType type) {
        if (vocabulary.type(slot) != type) {
            throw new IllegalArgumentException("slot " + slot + " ("
                    + vocabulary.names().get(slot) + ") holds " + vocabulary.type(slot) + ", not " + type);
        }
    }
}
