package org.cityos.basedata.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cityos.basedata.AddressLink;
import org.cityos.basedata.IdNumber;
import org.cityos.basedata.MatchDecision;
import org.cityos.basedata.SourcePerson;

/**
 * Finds the source records that describe one person. First exact keys: records with the same
 * normalised ID number are one person when their names agree (same or homophone); otherwise the pair
 * is a conflict, kept apart and recorded. Then every record without a usable key is compared, fuzzily
 * ({@link PairScore}), with the records sharing a block: the same address (standard address id or
 * canonical text) and surname sound, or the same name sound and birth date. Blocks bound the work to
 * a few comparisons per record instead of one per pair of records.
 */
public final class PersonMatcher {
    /** A block larger than this is a key too common to tell anyone apart (an unparsed placeholder address). */
    static final int MAX_BLOCK = 2000;

    private PersonMatcher() {}

    /**
     * @param roots for each record (by position) the position of its cluster's first record
     * @param decisions every merge and every conflict, with score and reason
     */
    public record Resolution(int[] roots, List<MatchDecision> decisions, int fuzzyCandidates, long comparisons) {}

    /** {@code records} in ascending id order, so a cluster's root is its oldest record. */
    public static Resolution resolve(List<SourcePerson> records) {
        int n = records.size();
        Clusters clusters = new Clusters(n);
        List<MatchDecision> decisions = new ArrayList<>();
        boolean[] fuzzy = new boolean[n];
        LongIntMap byId = new LongIntMap(n);
        for (int i = 0; i < n; i++) {
            SourcePerson p = records.get(i);
            if (p.idNumber() == null) {
                fuzzy[i] = true;
                continue;
            }
            int first = byId.putIfAbsent(new IdNumber(p.idNumber()).key(), i);
            if (first == i) {
                continue;
            }
            SourcePerson q = records.get(first);
            NameAgreement name = NameAgreement.of(q.name(), p.name());
            String written = p.idNumberWritten() != null || q.idNumberWritten() != null ? "(converted 15-digit)" : "";
            if (name == NameAgreement.DIFFERENT) {
                decisions.add(new MatchDecision(
                        q.id(), p.id(), "id-conflict", 0, "id=same" + written + " name=different", false));
                fuzzy[i] = true;
            } else {
                clusters.union(first, i);
                decisions.add(new MatchDecision(
                        q.id(),
                        p.id(),
                        "exact-id",
                        1.0,
                        "id=same" + written + " name=" + name.name().toLowerCase(java.util.Locale.ROOT),
                        true));
            }
        }
        int candidates = 0;
        LongIntMap blockOf = new LongIntMap(1024);
        long[] keys = new long[8];
        for (int i = 0; i < n; i++) {
            if (fuzzy[i]) {
                candidates++;
                int k = blockKeys(records.get(i), keys);
                for (int j = 0; j < k; j++) {
                    blockOf.putIfAbsent(keys[j], blockOf.size());
                }
            }
        }
        int[][] members = new int[blockOf.size()][];
        int[] counts = new int[blockOf.size()];
        for (int i = 0; i < n; i++) {
            int k = blockKeys(records.get(i), keys);
            for (int j = 0; j < k; j++) {
                int b = blockOf.get(keys[j]);
                if (b < 0 || counts[b] > MAX_BLOCK) {
                    continue;
                }
                if (members[b] == null) {
                    members[b] = new int[4];
                } else if (counts[b] == members[b].length) {
                    members[b] = Arrays.copyOf(members[b], counts[b] * 2);
                }
                if (counts[b] == 0 || members[b][counts[b] - 1] != i) {
                    members[b][counts[b]++] = i;
                }
            }
        }
        String[] keyOfRoot = new String[n];
        for (int i = 0; i < n; i++) {
            int r = clusters.root(i);
            if (keyOfRoot[r] == null) {
                keyOfRoot[r] = records.get(i).idNumber();
            }
        }
        long comparisons = 0;
        int[] seen = new int[16];
        List<int[]> pairs = new ArrayList<>();
        List<PairScore.Outcome> outcomes = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            if (!fuzzy[f]) {
                continue;
            }
            SourcePerson p = records.get(f);
            int k = blockKeys(p, keys);
            int seenCount = 0;
            for (int j = 0; j < k; j++) {
                int b = blockOf.get(keys[j]);
                if (counts[b] > MAX_BLOCK) {
                    continue;
                }
                for (int m = 0; m < counts[b]; m++) {
                    int other = members[b][m];
                    if (other == f || (fuzzy[other] && other < f) || contains(seen, seenCount, other)) {
                        continue;
                    }
                    if (seenCount == seen.length) {
                        seen = Arrays.copyOf(seen, seenCount * 2);
                    }
                    seen[seenCount++] = other;
                    if (clusters.root(other) == clusters.root(f)) {
                        continue;
                    }
                    comparisons++;
                    PairScore.Outcome outcome = PairScore.of(records.get(other), p);
                    if (outcome.accepted()) {
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
     * Joins the accepted pairs, unless that would put two different ID numbers in one cluster (a
     * cannot-link: a fuzzy match never overrides exact keys). A keyless record that fits people of two ID
     * numbers — one record without a birth date, a father and son of one name at one door — is
     * ambiguous: none of its pairs is joined, and they are recorded unmerged for a steward.
     */
    private static void merge(
            List<SourcePerson> records,
            Clusters clusters,
            String[] keyOfRoot,
            boolean[] fuzzy,
            List<int[]> pairs,
            List<PairScore.Outcome> outcomes,
            List<MatchDecision> decisions) {
        java.util.Map<Integer, String> fits = new java.util.HashMap<>();
        java.util.Set<Integer> ambiguous = new java.util.HashSet<>();
        for (int[] pair : pairs) {
            for (int end = 0; end < 2; end++) {
                int x = pair[end];
                String key = keyOfRoot[clusters.root(pair[1 - end])];
                if (!fuzzy[x] || key == null) {
                    continue;
                }
                String before = fits.putIfAbsent(x, key);
                if (before != null && !before.equals(key)) {
                    ambiguous.add(x);
                }
            }
        }
        for (int i = 0; i < pairs.size(); i++) {
            int x = pairs.get(i)[0];
            int y = pairs.get(i)[1];
            SourcePerson p = records.get(x);
            SourcePerson q = records.get(y);
            PairScore.Outcome outcome = outcomes.get(i);
            long a = Math.min(p.id(), q.id());
            long b = Math.max(p.id(), q.id());
            if (ambiguous.contains(x) || ambiguous.contains(y)) {
                decisions.add(new MatchDecision(
                        a,
                        b,
                        "ambiguous",
                        outcome.score(),
                        outcome.explanation() + " (fits several ID numbers)",
                        false));
                continue;
            }
            int rx = clusters.root(x);
            int ry = clusters.root(y);
            if (rx == ry) {
                continue;
            }
            String kx = keyOfRoot[rx];
            String ky = keyOfRoot[ry];
            if (kx != null && ky != null && !kx.equals(ky)) {
                decisions.add(new MatchDecision(
                        a,
                        b,
                        "cannot-link",
                        outcome.score(),
                        outcome.explanation() + " (different ID numbers)",
                        false));
                continue;
            }
            clusters.union(x, y);
            keyOfRoot[clusters.root(x)] = kx != null ? kx : ky;
            decisions.add(new MatchDecision(a, b, "fuzzy", outcome.score(), outcome.explanation(), true));
        }
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** Writes the record's block keys into {@code out}; returns how many. */
    static int blockKeys(SourcePerson p, long[] out) {
        if (p.name() == null || p.name().isEmpty()) {
            return 0;
        }
        int k = 0;
        long surname = Pinyin.primary(p.name().charAt(0));
        for (AddressLink a : new AddressLink[] {p.household(), p.residence()}) {
            if (a == null) {
                continue;
            }
            if (a.canonical() != null && !a.canonical().isEmpty()) {
                out[k++] = mix(1, a.canonical().hashCode() * 1_000_003L + surname);
            }
            if (a.linked()) {
                out[k++] = mix(2, a.addressId() * 1_000_003L + surname);
            }
        }
        if (p.birthDate() != null) {
            out[k++] = mix(3, Pinyin.soundKey(p.name()) * 31 + p.birthDate().toEpochDay());
        }
        return k;
    }

    private static long mix(int kind, long value) {
        long h = (value ^ ((long) kind << 59)) * 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 31) ^ kind;
    }
}
