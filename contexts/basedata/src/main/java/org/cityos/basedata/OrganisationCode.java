package org.cityos.basedata;

import java.util.Locale;

/**
 * An organisation code (组织机构代码, GB 11714-1997): eight characters of 0–9 and A–Z and a MOD 11 check
 * character (0–9 or X), often written {@code 12345678-9}. Before 2015 it was the key of every organisation;
 * the unified social credit code carries it at positions 9–17, so a file that still has only this code
 * names the entity whose credit code contains it.
 */
public record OrganisationCode(String value) {
    private static final int[] WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    /** A code, or the message key of why the text is none. */
    public record Parsed(OrganisationCode code, String fault) {
        public boolean valid() {
            return code != null;
        }
    }

    public static Parsed parse(String text) {
        if (text == null) {
            return new Parsed(null, "problem.organisation-code-shape");
        }
        String s = text.strip().replace("-", "").toUpperCase(Locale.ROOT);
        if (s.length() != 9) {
            return new Parsed(null, "problem.organisation-code-shape");
        }
        for (int i = 0; i < 8; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
                return new Parsed(null, "problem.organisation-code-shape");
            }
        }
        if (checkChar(s) != s.charAt(8)) {
            return new Parsed(null, "problem.organisation-code-check-character");
        }
        return new Parsed(new OrganisationCode(s), null);
    }

    /** The check character of the first eight characters of {@code body}. */
    public static char checkChar(String body) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(body.charAt(i), 36) * WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    /** The organisation code a credit code embeds (its characters 9–17). */
    public static String within(String creditCode) {
        return creditCode == null ? null : creditCode.substring(8, 17);
    }

    @Override
    public String toString() {
        return value;
    }
}
