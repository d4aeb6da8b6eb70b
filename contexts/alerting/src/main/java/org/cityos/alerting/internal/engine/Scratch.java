package org.cityos.alerting.internal.engine;

import org.cityos.alerting.internal.expr.Facts;

/** One thread's reusable facts per rule of the current ruleset, so the hot path allocates nothing. */
final class Scratch {
    private final long version;
    private final Facts[] facts;
    private final Facts[] companions;

    Scratch(Ruleset ruleset) {
        this.version = ruleset.version;
        this.facts = new Facts[ruleset.rules.size()];
        this.companions = new Facts[ruleset.rules.size()];
    }

    boolean current(Ruleset ruleset) {
        return version == ruleset.version;
    }

    Facts facts(Ruleset ruleset, CompiledRule rule) {
        return facts(ruleset.ordinal(rule), rule);
    }

    Facts facts(int i, CompiledRule rule) {
        Facts f = reused(i, rule);
        f.clear();
        return f;
    }

    /** The rule's facts as the last evaluation left them: for callers that overwrite every slot they use. */
    Facts reused(int i, CompiledRule rule) {
        Facts f = facts[i];
        if (f == null) {
            f = new Facts(rule.vocabulary);
            facts[i] = f;
        }
        return f;
    }

    Facts companion(Ruleset ruleset, CompiledRule rule) {
        int i = ruleset.ordinal(rule);
        Facts f = companions[i];
        if (f == null) {
            f = new Facts(rule.companionVocabulary);
            companions[i] = f;
        }
        f.clear();
        return f;
    }
}
