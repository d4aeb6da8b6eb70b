package org.cityos.iot.internal.normalise;

/** Decides whether text is a plain decimal number, without regex because it runs for every CSV cell. */
final class Numbers {
    private Numbers() {}

    /**
     * Sign, digits, an optional fraction and exponent; surrounding blanks allowed. Unlike
     * {@link Double#parseDouble} this refuses NaN, Infinity, hex and the {@code d}/{@code f} suffixes.
     */
    static boolean decimal(String text) {
        String s = text.strip();
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int exponent = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }
}
