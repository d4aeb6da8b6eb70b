package org.cityos.casework.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text shown to the public: citizens write their phone or ID number into descriptions, and handlers into replies,
 * so both are masked before anything leaves through a public endpoint. Digits glued to other digits are left alone:
 * a longer number (an order or case number) is not a phone number.
 */
public final class PublicText {
    // An ID card number (18 characters, the last may be X; or the old 15 digits) or a mainland mobile number, each
    // standing on its own (no digit right before or after).
    private static final Pattern PERSONAL =
            Pattern.compile("(?<![0-9])(?:[1-9][0-9]{16}[0-9Xx]|[1-9][0-9]{14}|1[3-9][0-9]{9})(?![0-9Xx])");

    private PublicText() {}

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = PERSONAL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(masked(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String masked(String number) {
        // A phone keeps its first 3 and last 4 digits (138****5678), an ID number its region (6) and last 4.
        int head = number.length() == 11 ? 3 : 6;
        return number.substring(0, head)
                + "*".repeat(number.length() - head - 4)
                + number.substring(number.length() - 4);
    }
}
