package org.cityos.casework;

import java.util.Locale;
import java.util.Optional;

/**
 * The three families of case categories: components (部件) and events (事件) as GB/T 30428 classifies what grid
 * workers find in the street, and hotline requests (热线诉求) as the 12345 centre files citizens' calls.
 */
public enum CategoryKind {
    COMPONENT("部件"),
    EVENT("事件"),
    HOTLINE("热线诉求");

    private final String nameZh;

    CategoryKind(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    /** Reads {@code EVENT}, {@code event} or {@code 事件}; empty for anything else. */
    public static Optional<CategoryKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        for (CategoryKind kind : values()) {
            if (kind.name().equals(s.toUpperCase(Locale.ROOT)) || kind.nameZh.equals(s)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
