package org.cityos.casework.internal.categories;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A multinomial naive Bayes classifier over text features, one class per leaf category, Laplace-smoothed.
 * Immutable once trained, so suggestions read it without locks while the next one is being built.
 *
 * <p>Scoring a text touches only the features it has: each leaf starts from its prior and its length penalty, and
 * each known feature adds a boost to the few leaves that have seen it. With a few hundred leaves and a few dozen
 * features per text, that is some thousands of additions.
 */
public final class SuggestionModel {
    private static final double ALPHA = 0.5;

    private final List<Leaf> leaves;
    private final double[] logPrior;
    private final double[] logNorm;
    private final Map<String, Posting> postings;

    /**
     * A class of the model.
     *
     * @param basedOn past cases learnt for it
     */
    public record Leaf(String code, String name, List<String> pathNames, int basedOn) {}

    /** One training document: the leaf's index and the text's features, counted {@code weight} times. */
    public record Document(int leaf, List<String> features, int weight) {}

    /** A leaf and its posterior probability. */
    public record Scored(Leaf leaf, double score) {}

    /** The leaves that saw a feature, and by how much the feature raises each one's log-likelihood. */
    private record Posting(int[] leaves, double[] boosts) {}

    private SuggestionModel(List<Leaf> leaves, double[] logPrior, double[] logNorm, Map<String, Posting> postings) {
        this.leaves = leaves;
        this.logPrior = logPrior;
        this.logNorm = logNorm;
        this.postings = postings;
    }

    public static SuggestionModel empty() {
        return new SuggestionModel(List.of(), new double[0], new double[0], Map.of());
    }

    public static SuggestionModel train(List<Leaf> leaves, List<Document> documents) {
        int n = leaves.size();
        double[] docs = new double[n];
        double[] totals = new double[n];
        Map<String, Map<Integer, Integer>> counts = new HashMap<>();
        for (Document d : documents) {
            docs[d.leaf()] += d.weight();
            for (String f : d.features()) {
                counts.computeIfAbsent(f, k -> new HashMap<>()).merge(d.leaf(), d.weight(), Integer::sum);
                totals[d.leaf()] += d.weight();
            }
        }
        int vocabulary = counts.size();
        double allDocs = 0;
        for (double x : docs) {
            allDocs += x;
        }
        double[] logPrior = new double[n];
        double[] logNorm = new double[n];
        for (int i = 0; i < n; i++) {
            // Smoothed so a leaf known only by its name still has a chance against one with thousands of cases.
            logPrior[i] = Math.log((docs[i] + 1) / (allDocs + n));
            logNorm[i] = Math.log(totals[i] + ALPHA * vocabulary);
        }
        Map<String, Posting> postings = new HashMap<>(counts.size() * 2);
        double logAlpha = Math.log(ALPHA);
        counts.forEach((feature, perLeaf) -> {
            int[] at = new int[perLeaf.size()];
            double[] boost = new double[perLeaf.size()];
            int k = 0;
            for (Map.Entry<Integer, Integer> e : perLeaf.entrySet()) {
                at[k] = e.getKey();
                boost[k] = Math.log(e.getValue() + ALPHA) - logAlpha;
                k++;
            }
            postings.put(feature, new Posting(at, boost));
        });
        return new SuggestionModel(List.copyOf(leaves), logPrior, logNorm, postings);
    }

    public int leafCount() {
        return leaves.size();
    }

    public int vocabulary() {
        return postings.size();
    }

    /**
     * The best {@code limit} leaves for the features, best first; empty when the model knows none of the features
     * (then there is nothing to go on but the prior).
     */
    public List<Scored> suggest(List<String> features, int limit) {
        int n = leaves.size();
        if (n == 0 || limit <= 0) {
            return List.of();
        }
        double[] score = new double[n];
        int known = 0;
        for (String f : features) {
            Posting p = postings.get(f);
            if (p == null) {
                continue;
            }
            known++;
            for (int k = 0; k < p.leaves.length; k++) {
                score[p.leaves[k]] += p.boosts[k];
            }
        }
        if (known == 0) {
            return List.of();
        }
        // log P(c) + sum over known features of log P(f|c) = prior - known*logNorm + known*log(alpha) + boosts.
        double logAlpha = Math.log(ALPHA);
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            score[i] += logPrior[i] + known * (logAlpha - logNorm[i]);
            max = Math.max(max, score[i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            score[i] = Math.exp(score[i] - max);
            sum += score[i];
        }
        List<Scored> best = new ArrayList<>(limit + 1);
        for (int i = 0; i < n; i++) {
            double s = score[i] / sum;
            if (best.size() < limit || s > best.get(best.size() - 1).score()) {
                int at = best.size();
                while (at > 0 && best.get(at - 1).score() < s) {
                    at--;
                }
                best.add(at, new Scored(leaves.get(i), s));
                if (best.size() > limit) {
                    best.remove(best.size() - 1);
                }
            }
        }
        return best;
    }
}
