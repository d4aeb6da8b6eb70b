package org.cityos.basedata.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityos.basedata.MatchDecision;
import org.cityos.basedata.SourceOrganisation;

/**
 * Finds the source records that describe one organisation. Exact keys first, strongest first: the credit
 * code, then the organisation code (a record carrying only it joins the entity whose credit code contains
 * it), then the old registration number — a key never joins two clusters holding different values of any
 * key (a {@code key-conflict}, recorded unmerged). Then each record without a credit code is compared
 * ({@link OrganisationPairScore}) with the records of its blocks: the same normalised-name sound, or the
 * same sound of the name's first two characters in the same district. Pairs at the merge threshold are
 * joined unless that puts two credit codes in one cluster; pairs between the thresholds are recorded as
 * {@code possible} for a steward.
 */
public final class OrganisationMatcher {
    /** A block larger than this is a name too common to tell anyone apart by (一, 公司…). */
    static final int MAX_BLOCK = 2000;

    private static final String[] RULES = {"exact-credit-code", "exact-organisation-code", "exact-registration-number"};
    private static final String[] KEYS = {"credit-code", "organisation-code", "registration-number"};

    private OrganisationMatcher() {}

    /**
     * @param roots for each record (by position) the position of its cluster's first record
     * @param decisions every merge, conflict and possible match, with score and reason
     */
    public record Resolution(int[] roots, List<MatchDecision> decisions, int fuzzyCandidates, long comparisons) {}

    /** {@code records} in ascending id order, so a cluster's root is its oldest record. */
    public static Resolution resolve(List<SourceOrganisation> records) {
        int n = records.size();
        Clusters clusters = new Clusters(n);
        String[][] keyOfRoot = new String[3][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                keyOfRoot[k][i] = key(records.get(i), k);
            }
        }
        List<MatchDecision> decisions = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Map<String, Integer> first = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String key = key(records.get(i), k);
                Integer f = key == null ? null : first.putIfAbsent(key, i);
                if (f == null || clusters.root(f) == clusters.root(i)) {
                    continue;
                }
                long a = records.get(f).id();
                long b = records.get(i).id();
                int conflict = conflict(keyOfRoot, clusters.root(f), clusters.root(i));
                if (conflict >= 0) {
                    decisions.add(new MatchDecision(
                            a, b, "key-conflict", 0, KEYS[k] + "=same " + KEYS[conflict] + "=different", false));
                } else {
                    join(clusters, keyOfRoot, f, i);
                    decisions.add(new MatchDecision(a, b, RULES[k], 1.0, KEYS[k] + "=same", true));
                }
            }
        }
        OrganisationName[] names = new OrganisationName[n];
        boolean[] fuzzy = new boolean[n];
        int candidates = 0;
        for (int i = 0; i < n; i++) {
            names[i] = OrganisationName.of(records.get(i).name());
            fuzzy[i] = keyOfRoot[0][clusters.root(i)] == null;
            candidates += fuzzy[i] ? 1 : 0;
        }
        Blocks blocks = Blocks.of(records, names, fuzzy);
        long comparisons = 0;
        List<int[]> pairs = new ArrayList<>();
        List<OrganisationPairScore.Outcome> outcomes = new ArrayList<>();
        long[] keys = new long[2];
        Set<Integer> seen = new HashSet<>();
        for (int f = 0; f < n; f++) {
            if (!fuzzy[f]) {
                continue;
            }
            seen.clear();
            int k = rawKeys(records.get(f), names[f], keys);
            for (int j = 0; j < k; j++) {
                int[] members = blocks.members(keys[j]);
                if (members == null) {
                    continue;
                }
                for (int other : members) {
                    if (other == f || (fuzzy[other] && other < f) || !seen.add(other)) {
                        continue;
                    }
                    if (clusters.root(other) == clusters.root(f)) {
                        continue;
                    }
                    comparisons++;
                    OrganisationPairScore.Outcome outcome =
                            OrganisationPairScore.of(records.get(other), names[other], records.get(f), names[f]);
                    if (outcome.score() >= OrganisationPairScore.POSSIBLE) {
                        pairs.add(new int[] {other, f});
                        outcomes.add(outcome);
                    }
                }
            }
        }
        merge(records, clusters, keyOfRoot, fuzzy, pairs, outcomes, decisions);
        return new Resolution(clusters.roots(), decisions, candidates, comparisons);
    }

    /**
     * Joins the pairs at the merge threshold unless that would put two different keys in one cluster
     * ({@code cannot-link}); a keyless record that fits organisations of two credit codes (a namesake at one
     * address) is {@code ambiguous} and stays alone. Then records the possible matches still apart.
     */
    private static void merge(
            List<SourceOrganisation> records,
            Clusters clusters,
            String[][] keyOfRoot,
            boolean[] fuzzy,
            List<int[]> pairs,
            List<OrganisationPairScore.Outcome> outcomes,
            List<MatchDecision> decisions) {
        Map<Integer, String> fits = new HashMap<>();
        Set<Integer> ambiguous = new HashSet<>();
        for (int i = 0; i < pairs.size(); i++) {
            if (!outcomes.get(i).merge()) {
                continue;
            }
            for (int end = 0; end < 2; end++) {
                int x = pairs.get(i)[end];
                String code = keyOfRoot[0][clusters.root(pairs.get(i)[1 - end])];
                if (fuzzy[x] && code != null) {
                    String before = fits.putIfAbsent(x, code);
                    if (before != null && !before.equals(code)) {
                        ambiguous.add(x);
                    }
                }
            }
        }
        List<Integer> possible = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            int x = pairs.get(i)[0];
            int y = pairs.get(i)[1];
            OrganisationPairScore.Outcome outcome = outcomes.get(i);
            if (!outcome.merge()) {
                possible.add(i);
                continue;
            }
            long a = Math.min(records.get(x).id(), records.get(y).id());
            long b = Math.max(records.get(x).id(), records.get(y).id());
            if (ambiguous.contains(x) || ambiguous.contains(y)) {
                decisions.add(new MatchDecision(
                        a,
                        b,
                        "ambiguous",
                        outcome.score(),
                        outcome.explanation() + " (fits several credit codes)",
                        false));
                continue;
            }
            int rx = clusters.root(x);
            int ry = clusters.root(y);
            if (rx == ry) {
                continue;
            }
            int conflict = conflict(keyOfRoot, rx, ry);
            if (conflict >= 0) {
                decisions.add(new MatchDecision(
                        a,
                        b,
                        "cannot-link",
                        outcome.score(),
                        outcome.explanation() + " (" + KEYS[conflict] + "=different)",
                        false));
                continue;
            }
            join(clusters, keyOfRoot, x, y);
            decisions.add(new MatchDecision(a, b, "fuzzy", outcome.score(), outcome.explanation(), true));
        }
        for (int i : possible) {
            int x = pairs.get(i)[0];
            int y = pairs.get(i)[1];
            if (clusters.root(x) != clusters.root(y)) {
                OrganisationPairScore.Outcome outcome = outcomes.get(i);
                decisions.add(new MatchDecision(
                        Math.min(records.get(x).id(), records.get(y).id()),
                        Math.max(records.get(x).id(), records.get(y).id()),
                        "possible",
                        outcome.score(),
                        outcome.explanation(),
                        false));
            }
        }
    }

    /** The first key both clusters hold with different values, or -1. */
    private static int conflict(String[][] keyOfRoot, int rx, int ry) {
        for (int k = 0; k < 3; k++) {
            String x = keyOfRoot[k][rx];
            String y = keyOfRoot[k][ry];
            if (x != null && y != null && !x.equals(y)) {
                return k;
            }
        }
        return -1;
    }

    private static void join(Clusters clusters, String[][] keyOfRoot, int x, int y) {
        int rx = clusters.root(x);
        int ry = clusters.root(y);
        clusters.union(x, y);
        int r = clusters.root(x);
        for (int k = 0; k < 3; k++) {
            keyOfRoot[k][r] = keyOfRoot[k][rx] != null ? keyOfRoot[k][rx] : keyOfRoot[k][ry];
        }
    }

    private static String key(SourceOrganisation o, int k) {
        return switch (k) {
            case 0 -> o.creditCode();
            case 1 -> o.organisationCode();
            default -> o.registrationNumber();
        };
    }

    /**
     * The members of every block a keyless record has. Blocks are made only for keys of keyless records: a
     * coded record is compared only when a keyless one shares its block.
     */
    private record Blocks(LongIntMap index, int[][] members) {
        int[] members(long key) {
            int b = index.get(key);
            return b < 0 ? null : members[b];
        }

        static Blocks of(List<SourceOrganisation> records, OrganisationName[] names, boolean[] fuzzy) {
            LongIntMap blockOf = new LongIntMap(1024);
            long[] keys = new long[2];
            for (int i = 0; i < records.size(); i++) {
                if (fuzzy[i]) {
                    int k = rawKeys(records.get(i), names[i], keys);
                    for (int j = 0; j < k; j++) {
                        blockOf.putIfAbsent(keys[j], blockOf.size());
                    }
                }
            }
            int[][] members = new int[blockOf.size()][];
            int[] counts = new int[blockOf.size()];
            for (int i = 0; i < records.size(); i++) {
                int k = rawKeys(records.get(i), names[i], keys);
                for (int j = 0; j < k; j++) {
                    int b = blockOf.get(keys[j]);
                    if (b < 0 || counts[b] > MAX_BLOCK) {
                        continue;
                    }
                    if (members[b] == null) {
                        members[b] = new int[2];
                    } else if (counts[b] == members[b].length) {
                        members[b] = Arrays.copyOf(members[b], counts[b] * 2);
                    }
                    if (counts[b] == 0 || members[b][counts[b] - 1] != i) {
                        members[b][counts[b]++] = i;
                    }
                }
            }
            for (int b = 0; b < members.length; b++) {
                members[b] = counts[b] > MAX_BLOCK || members[b] == null ? null : Arrays.copyOf(members[b], counts[b]);
            }
            return new Blocks(blockOf, members);
        }
    }

    /** The record's block keys: the whole core's sound, and its first two characters' sound × district. */
    static int rawKeys(SourceOrganisation o, OrganisationName name, long[] out) {
        String core = name.core();
        int k = 0;
        out[k++] = mix(1, Pinyin.soundKey(core));
        String district = OrganisationPairScore.district(o);
        if (district != null && core.length() > 2) {
            out[k++] = mix(2, Pinyin.soundKey(core.substring(0, 2)) * 1_000_003L + district.hashCode());
        }
        return k;
    }

    private static long mix(int kind, long value) {
        long h = (value ^ ((long) kind << 59)) * 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 31) ^ kind;
    }
}
