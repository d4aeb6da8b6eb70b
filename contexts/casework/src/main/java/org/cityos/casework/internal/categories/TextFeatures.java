package org.cityos.casework.internal.categories;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * What the suggestion model sees of a text: SmartChineseAnalyzer's words (punctuation and stop words dropped) plus
 * the character bigrams of every run of Chinese characters. The bigrams catch words the dictionary splits wrongly or
 * does not know (窨井, 渣土车), which in complaint texts are often the telling ones. Thread-safe.
 */
public final class TextFeatures {
    /** Marks bigram features so a two-character word and the same bigram count as two features. */
    private static final char BIGRAM = '\u0002';

    private final Analyzer analyzer = new SmartChineseAnalyzer();

    public List<String> of(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                out.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                run++;
                if (run >= 2) {
                    out.add(new String(new char[] {BIGRAM, text.charAt(i - 1), c}));
                }
            } else {
                run = 0;
            }
        }
        return out;
    }
}
