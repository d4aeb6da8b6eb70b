package org.cityos.alerting.internal.expr;

import dev.cel.runtime.CelAttributePattern;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelUnknownSet;
import dev.cel.runtime.CelVariableResolver;
import dev.cel.runtime.PartialVars;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A condition the native tree does not cover, run by cel-java's runtime. Missing values are handed over as CEL
 * unknowns, so they absorb exactly as in the native tree; an unknown result does not hold.
 */
final class RuntimeCondition implements Condition {
    private final String source;
    private final Vocabulary vocabulary;
    private final Set<String> reads;
    private final int[] readSlots;
    private final CelRuntime.Program program;

    RuntimeCondition(String source, Vocabulary vocabulary, Set<String> reads, CelRuntime.Program program) {
        this.source = source;
        this.vocabulary = vocabulary;
        this.reads = reads;
        this.readSlots = reads.stream().mapToInt(vocabulary::slot).toArray();
        this.program = program;
    }

    @Override
    public boolean test(Facts facts) {
        Object result;
        try {
            if (facts.vocabulary != vocabulary) {
                Facts.requireFits(facts, vocabulary);
            }
            List<CelAttributePattern> unknown = null;
            for (int slot : readSlots) {
                if (facts.missing(slot)) {
                    unknown = unknown == null ? new ArrayList<>() : unknown;
                    unknown.add(CelAttributePattern.create(vocabulary.names().get(slot)));
                }
            }
            CelVariableResolver resolver = name -> Optional.ofNullable(value(facts, name));
            result = unknown == null ? program.eval(resolver) : program.eval(PartialVars.of(resolver, unknown));
        } catch (CelEvaluationException e) {
            throw new ConditionFailed(source, CelMessages.clean(e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new ConditionFailed(source, "evaluation failed: " + e, e);
        }
        if (result instanceof Boolean b) {
            return b;
        }
        if (result instanceof CelUnknownSet) {
            return false;
        }
        throw new ConditionFailed(source, "the condition gave " + result + " instead of true or false", null);
    }

    private Object value(Facts facts, String name) {
        int slot = vocabulary.slot(name);
        if (slot < 0 || facts.missing(slot)) {
            return null;
        }
        return switch (vocabulary.type(slot)) {
            case NUMBER -> facts.numbers[slot];
            case BOOL -> facts.numbers[slot] == 1;
            case TEXT, TEXT_LIST -> facts.refs[slot];
        };
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
        return false;
    }

    @Override
    public String toString() {
        return "RuntimeCondition[" + source + "]";
    }
}
