package org.cityos.basedata.internal;

import java.util.Arrays;

/** Dice's coefficient over character bigrams: robust to a character left out or added in address text. */
final class TextSimilarity {
    private TextSimilarity() {}

    static double dice(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        if (a.length() < 2 || b.length() < 2) {
            return 0;
        }
        int[] x = bigrams(a);
        int[] y = bigrams(b);
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * common / (x.length + y.length);
    }

    private static int[] bigrams(String s) {
        int[] out = new int[s.length() - 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = (s.charAt(i) << 16) | s.charAt(i + 1);
        }
        Arrays.sort(out);
        return out;
    }
}
