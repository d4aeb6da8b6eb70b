package org.cityos.spatial.internal.geocoding;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

/** The written forms shared by the road namer, the parser and the index: suffixes and normal form. */
public final class RoadText {
    /** Longest first, so 大街 wins over 街. */
    static final List<String> ROAD_SUFFIXES = List.of("大街", "大道", "胡同", "中街", "公路", "高速", "路", "街", "道", "巷", "线");

    private static final Pattern BARE_SUFFIX = Pattern.compile("[东西南北中]?[一二三四五六七八九]?(大街|大道|胡同|中街|公路|路|街|道|巷|线|里)");

    private RoadText() {}

    static boolean endsWithRoadSuffix(String text) {
        return ROAD_SUFFIXES.stream().anyMatch(text::endsWith);
    }

    /** "西路", "南大街": what is left of a road name after a town name was wrongly taken off its front. */
    static boolean isBareSuffix(String text) {
        return BARE_SUFFIX.matcher(text).matches();
    }

    /**
     * Full-width forms to half-width (NFKC), Latin letters upper-cased, and every space, punctuation
     * mark and symbol dropped except '-' (as in 3-2-101): people type them anywhere.
     */
    public static String normalize(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || cp == '〇') {
                out.appendCodePoint(cp >= 'a' && cp <= 'z' ? cp - 32 : cp);
            } else if (cp == '-' && out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        });
        return out.toString();
    }
}
