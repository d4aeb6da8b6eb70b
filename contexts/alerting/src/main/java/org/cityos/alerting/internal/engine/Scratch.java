package org.cityos.alerting.internal.engine;

import java.util.Arrays;
import org.cityos.alerting.internal.expr.Facts;

/** One thread's reusable facts per rule of the current ruleset, so the hot path allocates nothing. */
final class Scratch {
    private final long version;
    private final Facts[] facts;
    private final Facts[] companions;
    private boolean[] touched = new boolean[16];

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
        Facts f = facts[i];
        if (f == null) {
            f = new Facts(rule.vocabulary);
            facts[i] = f;
        }
        f.clear();
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

    boolean[] touched(int n) {
        if (touched.length < n) {
            touched = new boolean[Math.max(n, touched.length * 2)];
        } else {
            Arrays.fill(touched, 0, n, false);
        }
        return touched;
    }
}
