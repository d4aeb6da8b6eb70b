package org.cityos.basedata;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A resident identity card number (GB 11643-1999): six digits of area, eight of birth date, three of
 * sequence (odd for men, even for women) and a MOD 11-2 check character ('X' stands for 10). An old
 * 15-digit number (two-digit year, no check character) is converted: "19" inserted before the year
 * and the check character computed, as the public security bureaux did when 18-digit numbers came in.
 *
 * @param value always the 18-character form, upper-case 'X'
 */
public record IdNumber(String value) {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    /** Why a text is not a usable ID number; {@code key} is the message key of the row issue. */
    public enum Fault {
        SHAPE("problem.id-number-shape"),
        BIRTH_DATE("problem.id-number-birth-date"),
        CHECK_DIGIT("problem.id-number-check-digit");

        private final String key;

        Fault(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** The outcome of reading a written number: the number, or why not. */
    public record Parsed(IdNumber number, Fault fault, boolean converted) {
        public boolean valid() {
            return number != null;
        }
    }

    /** Reads a number as written (spaces and a lower-case 'x' tolerated); 15 digits are converted. */
    public static Parsed parse(String text) {
        if (text == null) {
            return new Parsed(null, Fault.SHAPE, false);
        }
        String s = text.strip().replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (s.length() == 15 && allDigits(s, 15)) {
            String body = s.substring(0, 6) + "19" + s.substring(6);
            if (birthOf(body).isEmpty()) {
                return new Parsed(null, Fault.BIRTH_DATE, true);
            }
            return new Parsed(new IdNumber(body + checkChar(body)), null, true);
        }
        if (s.length() != 18 || !allDigits(s, 17) || !(Character.isDigit(s.charAt(17)) || s.charAt(17) == 'X')) {
            return new Parsed(null, Fault.SHAPE, false);
        }
        if (birthOf(s).isEmpty()) {
            return new Parsed(null, Fault.BIRTH_DATE, false);
        }
        if (checkChar(s) != s.charAt(17)) {
            return new Parsed(null, Fault.CHECK_DIGIT, false);
        }
        return new Parsed(new IdNumber(s), null, false);
    }

    /** The MOD 11-2 check character of the first 17 digits of {@code body}. */
    public static char checkChar(String body) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public LocalDate birthDate() {
        return birthOf(value).orElseThrow();
    }

    /** 'M' for an odd sequence digit, 'F' for an even one. */
    public char gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? 'M' : 'F';
    }

    /** The number as a long, 'X' as the digit 10 folded in: a compact, collision-free matching key. */
    public long key() {
        long k = Long.parseLong(value.substring(0, 17));
        char c = value.charAt(17);
        return k * 11 + (c == 'X' ? 10 : c - '0');
    }

    /** 110115********1234: the area and the last four characters only. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static Optional<LocalDate> birthOf(String s) {
        try {
            int year = Integer.parseInt(s.substring(6, 10));
            int month = Integer.parseInt(s.substring(10, 12));
            int day = Integer.parseInt(s.substring(12, 14));
            if (year < 1850) {
                return Optional.empty();
            }
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean allDigits(String s, int n) {
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
