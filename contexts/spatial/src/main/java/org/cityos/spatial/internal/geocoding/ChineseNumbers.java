package org.cityos.spatial.internal.geocoding;

import java.util.OptionalInt;

/** House, building and unit numbers written in Chinese numerals (八十八, 一百零五, 一零五) and back. */
public final class ChineseNumbers {
    static final String DIGITS = "零一二三四五六七八九";
    static final String NUMERAL_CHARS = "零〇一二两三四五六七八九十百千";

    private ChineseNumbers() {}

    /** Arabic or Chinese numerals to a number; empty when the text is neither or too large. */
    public static OptionalInt parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 9) {
            return OptionalInt.empty();
        }
        if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalInt.of(Integer.parseInt(text));
        }
        if (!text.chars().allMatch(c -> NUMERAL_CHARS.indexOf(c) >= 0)) {
            return OptionalInt.empty();
        }
        boolean positional = text.chars().noneMatch(c -> c == '十' || c == '百' || c == '千');
        return positional ? OptionalInt.of(digitByDigit(text)) : OptionalInt.of(withUnits(text));
    }

    /** 一零五 → 105: people read long numbers digit by digit. */
    private static int digitByDigit(String text) {
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            value = value * 10 + digit(text.charAt(i));
        }
        return value;
    }

    private static int withUnits(String text) {
        int total = 0;
        int digit = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                default -> 0;
            };
            if (unit == 0) {
                digit = digit(c);
            } else {
                total += (digit < 0 ? 1 : digit) * unit;
                digit = -1;
            }
        }
        return total + Math.max(digit, 0);
    }

    private static int digit(char c) {
        return switch (c) {
            case '〇', '零' -> 0;
            case '两' -> 2;
            default -> DIGITS.indexOf(c);
        };
    }

    /** 88 → 八十八, 105 → 一百零五, 10 → 十 (numbers 1..9999 as written on doorplates). */
    public static String write(int n) {
        if (n <= 0 || n > 9999) {
            return Integer.toString(n);
        }
        StringBuilder out = new StringBuilder();
        int[] units = {1000, 100, 10, 1};
        String names = "千百十";
        boolean pendingZero = false;
        for (int i = 0; i < units.length; i++) {
            int d = (n / units[i]) % 10;
            if (d == 0) {
                pendingZero = out.length() > 0;
                continue;
            }
            if (pendingZero) {
                out.append('零');
                pendingZero = false;
            }
            boolean leadingTen = units[i] == 10 && d == 1 && out.length() == 0;
            if (!leadingTen) {
                out.append(DIGITS.charAt(d));
            }
            if (i < 3) {
                out.append(names.charAt(i));
            }
        }
        return out.toString();
    }
}
