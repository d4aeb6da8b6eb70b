package org.cityos.basedata.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Toneless pinyin of the CJK Unified Ideographs (U+4E00–U+9FFF), read once from pinyin4j into arrays of
 * syllable numbers: matching asks millions of times, so a lookup must be an array access. Characters
 * outside the block stand for themselves (a negative number), so Latin names compare letter by letter.
 */
public final class Pinyin {
    private static final char FIRST = '\u4E00';
    private static final char LAST = '\u9FFF';
    private static final int[][] READINGS = new int[LAST - FIRST + 1][];
    private static final List<String> SYLLABLES = new ArrayList<>();
    private static final int[] NONE = new int[0];

    static {
        HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        format.setVCharType(HanyuPinyinVCharType.WITH_V);
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        Map<String, Integer> numbers = new HashMap<>();
        try {
            for (char c = FIRST; c <= LAST; c++) {
                String[] spelled = PinyinHelper.toHanyuPinyinStringArray(c, format);
                if (spelled == null || spelled.length == 0) {
                    READINGS[c - FIRST] = NONE;
                    continue;
                }
                Set<Integer> distinct = new LinkedHashSet<>();
                for (String s : spelled) {
                    distinct.add(numbers.computeIfAbsent(s, k -> {
                        SYLLABLES.add(k);
                        return SYLLABLES.size() - 1;
                    }));
                }
                READINGS[c - FIRST] =
                        distinct.stream().mapToInt(Integer::intValue).toArray();
            }
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    private Pinyin() {}

    /** The first (most common) reading's number; a non-Chinese character's own negative code. */
    public static int primary(char c) {
        int[] r = readings(c);
        return r.length == 0 ? -1 - Character.toLowerCase(c) : r[0];
    }

    /** Whether two characters sound alike, tones aside: the same character, or a reading in common. */
    public static boolean homophones(char a, char b) {
        if (a == b) {
            return true;
        }
        int[] ra = readings(a);
        int[] rb = readings(b);
        for (int x : ra) {
            for (int y : rb) {
                if (x == y) {
                    return true;
                }
            }
        }
        return ra.length == 0 && rb.length == 0 && Character.toLowerCase(a) == Character.toLowerCase(b);
    }

    /** A hash of the primary readings of the whole name: equal for names that sound alike. */
    public static long soundKey(String name) {
        long h = 1125899906842597L;
        for (int i = 0; i < name.length(); i++) {
            h = 31 * h + primary(name.charAt(i));
        }
        return h;
    }

    /** "张三" → "zhang san": for people reading a match decision. */
    public static String spell(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            int p = primary(text.charAt(i));
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(p >= 0 ? SYLLABLES.get(p) : String.valueOf(text.charAt(i)));
        }
        return out.toString();
    }

    private static int[] readings(char c) {
        return c >= FIRST && c <= LAST ? READINGS[c - FIRST] : NONE;
    }
}
