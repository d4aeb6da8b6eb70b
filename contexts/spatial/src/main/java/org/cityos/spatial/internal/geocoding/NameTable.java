package org.cityos.spatial.internal.geocoding;

import java.util.HashMap;
import java.util.Map;

/** Written forms → canonical names, matched longest-first at a position of a normalized text. */
final class NameTable {
    private final Map<String, String> canonical = new HashMap<>();
    private int longest;

    void add(String alias, String name) {
        String key = RoadText.normalize(alias);
        if (key.length() >= 2) {
            canonical.putIfAbsent(key, name);
            longest = Math.max(longest, key.length());
        }
    }

    /** A form found at {@code from}: which name it stands for and where it ends. */
    record Match(String name, int end) {}

    /** All forms at {@code from}, longest first, so a caller can fall back to a shorter one. */
    java.util.List<Match> matchesAt(String text, int from) {
        java.util.List<Match> matches = new java.util.ArrayList<>();
        for (int len = Math.min(longest, text.length() - from); len >= 2; len--) {
            String name = canonical.get(text.substring(from, from + len));
            if (name != null) {
                matches.add(new Match(name, from + len));
            }
        }
        return matches;
    }
}
