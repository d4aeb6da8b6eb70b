package org.cityos.spatial.internal.geocoding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds road names close to a written one: character bigrams narrow the candidates, edit distance
 * ranks them, so one wrong, missing or extra character still finds the road.
 */
final class RoadNameIndex {
    private static final double MIN_SIMILARITY = 0.5;
    private static final int[] NONE = new int[0];
    private final List<String> names;
    private final Map<String, int[]> byBigram = new HashMap<>();

    record Match(int road, double similarity) {}

    RoadNameIndex(List<String> names) {
        this.names = List.copyOf(names);
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            for (String gram : bigrams(names.get(i))) {
                List<Integer> roads = lists.computeIfAbsent(gram, k -> new ArrayList<>());
                if (roads.isEmpty() || roads.get(roads.size() - 1) != i) {
                    roads.add(i);
                }
            }
        }
        lists.forEach((gram, roads) ->
                byBigram.put(gram, roads.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** Roads whose names are at least half alike, best first. */
    List<Match> find(String written, int max) {
        if (written == null || written.isEmpty()) {
            return List.of();
        }
        int[] shared = new int[names.size()];
        List<String> grams = bigrams(written);
        // Three or more characters with one of them wrong still share two bigrams with the right name.
        int needed = written.length() >= 3 ? 2 : 1;
        List<Match> matches = new ArrayList<>();
        for (String gram : grams) {
            for (int road : byBigram.getOrDefault(gram, NONE)) {
                if (++shared[road] != needed) {
                    continue;
                }
                String name = names.get(road);
                int longer = Math.max(written.length(), name.length());
                if (Math.abs(written.length() - name.length()) * 2 > longer) {
                    continue;
                }
                double similarity = 1.0 - (double) distance(written, name) / longer;
                if (similarity >= MIN_SIMILARITY) {
                    matches.add(new Match(road, similarity));
                }
            }
        }
        matches.sort((a, b) -> a.similarity() != b.similarity()
                ? Double.compare(b.similarity(), a.similarity())
                : Integer.compare(a.road(), b.road()));
        return matches.size() > max ? matches.subList(0, max) : matches;
    }

    private static List<String> bigrams(String name) {
        String padded = "^" + name + "$";
        List<String> grams = new ArrayList<>(padded.length());
        for (int i = 0; i + 2 <= padded.length(); i++) {
            grams.add(padded.substring(i, i + 2));
        }
        return grams;
    }

    /** Levenshtein distance (insert, delete, substitute one character). */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
