package org.cityos.alerting.internal.expr;

import java.util.Set;

/** A condition compiled into the native tree. */
final class NativeCondition implements Condition {
    private final String source;
    private final Vocabulary vocabulary;
    private final Set<String> reads;
    private final BoolNode root;
    private final Guard guard;

    NativeCondition(String source, Vocabulary vocabulary, Set<String> reads, BoolNode root) {
        this.source = source;
        this.vocabulary = vocabulary;
        this.reads = reads;
        this.root = root;
        this.guard = Guard.of(root, vocabulary);
    }

    @Override
    public Guard guard() {
        return guard;
    }

    @Override
    public boolean test(Facts facts) {
        try {
            if (facts.vocabulary != vocabulary) {
                Facts.requireFits(facts, vocabulary);
            }
            return root.eval(facts) == Truth.TRUE;
        } catch (EvaluationError e) {
            throw new ConditionFailed(source, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ConditionFailed(source, "evaluation failed: " + e, e);
        }
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public Set<String> reads() {
        return reads;
    }

    @Override
    public boolean compiled() {
        return true;
    }

    @Override
    public String toString() {
        return "NativeCondition[" + source + "]";
    }
}
