package org.cityos.basedata;

import java.util.Locale;

/**
 * A unified social credit code (GB 32100-2015): registering authority (1), entity kind (1), area (6),
 * organisation code (9) and a MOD 31 check character, all from the 31 characters 0–9 and A–Y
 * without I, O, Z, S and V.
 */
public record CreditCode(String value) {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** Why a text is not a usable credit code. */
    public enum Fault {
        SHAPE("problem.credit-code-shape"),
        CHECK_CHARACTER("problem.credit-code-check-character");

        private final String key;

        Fault(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** A code or the reason there is none. */
    public record Parsed(CreditCode code, Fault fault) {
        public boolean valid() {
            return code != null;
        }
    }

    public static Parsed parse(String text) {
        if (text == null) {
            return new Parsed(null, Fault.SHAPE);
        }
        String s = text.strip().toUpperCase(Locale.ROOT);
        if (s.length() != 18) {
            return new Parsed(null, Fault.SHAPE);
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return new Parsed(null, Fault.SHAPE);
            }
        }
        if (checkChar(s) != s.charAt(17)) {
            return new Parsed(null, Fault.CHECK_CHARACTER);
        }
        return new Parsed(new CreditCode(s), null);
    }

    /** The check character of the first 17 characters of {@code body} (all from the alphabet). */
    public static char checkChar(String body) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(body.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** The area code (characters 3–8). */
    public String area() {
        return value.substring(2, 8);
    }

    @Override
    public String toString() {
        return value;
    }
}
