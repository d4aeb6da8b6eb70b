package org.cityos.alerting.internal.engine;

import java.util.ArrayList;
import java.util.List;
import org.cityos.alerting.RuleKind;

/**
 * The rules of a ruleset that cover a device, as the hot path reads them: each rule's ordinal and binding of the
 * device's type, which rules each property triggers, where each rule's own property sits. Devices of one type with
 * the same coverage share one instance, so ten thousand devices keep a few dozen of these hot in cache instead of
 * ten thousand copies; a device keeps only its states.
 */
final class Coverage {
    static final Coverage NONE = new Coverage(null, List.of(), new int[0], List.of());

    final CompiledRule[] rules;
    /** Each rule's ordinal in the ruleset (for the thread's scratch facts). */
    final int[] ordinals;
    /** Each rule's binding of the type (property index → facts slot). */
    final int[][] bindings;
    /** For each property index of the type, the positions in {@link #rules} it triggers, ascending. */
    final int[][] triggers;
    /** Each rule's property's index in the type, or -1. */
    final int[] propertyIndex;
    /** Whether each rule takes every reading as a sample (windows, rates) rather than judging the latest values. */
    final boolean[] sampled;
    /** Composite rules for which devices of the type are companions. */
    final CompiledRule[] companionOf;

    Coverage(TypeFacts type, List<CompiledRule> rules, int[] ordinals, List<CompiledRule> companionOf) {
        this.rules = rules.toArray(CompiledRule[]::new);
        this.ordinals = ordinals;
        this.companionOf = companionOf.toArray(CompiledRule[]::new);
        int n = this.rules.length;
        this.bindings = new int[n][];
        this.propertyIndex = new int[n];
        this.sampled = new boolean[n];
        for (int k = 0; k < n; k++) {
            CompiledRule r = this.rules[k];
            bindings[k] = r.binding(type.code());
            propertyIndex[k] = r.property == null ? -1 : type.index(r.property);
            sampled[k] = r.kind == RuleKind.AGGREGATE || r.kind == RuleKind.RATE_OF_CHANGE;
        }
        int properties = type == null ? 0 : type.size();
        this.triggers = new int[properties][];
        for (int p = 0; p < properties; p++) {
            List<Integer> hits = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                CompiledRule r = this.rules[k];
                boolean anyProperty = r.kind == RuleKind.NO_DATA && r.property == null;
                if (anyProperty || r.triggers.contains(type.name(p))) {
                    hits.add(k);
                }
            }
            triggers[p] = hits.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
