package org.cityos.alerting.internal.engine;

import java.util.ArrayList;
import java.util.List;
import org.cityos.alerting.RuleKind;
import org.cityos.alerting.internal.expr.Guard;
import org.cityos.alerting.internal.expr.VarType;

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
    /**
     * For each rule judged by its condition on the latest values (threshold, duration, composite), the index of the
     * property its condition's {@link Guard} compares, or -1: while the rule is idle for a device and the guard
     * does not admit that property's value, judging it would change nothing, so the hot path skips it.
     */
    final int[] guardProperty;
    /** The guard of each rule whose {@link #guardProperty} is set, else null. */
    final Guard[] guards;
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
        this.guardProperty = new int[n];
        this.guards = new Guard[n];
        for (int k = 0; k < n; k++) {
            CompiledRule r = this.rules[k];
            bindings[k] = r.binding(type.code());
            propertyIndex[k] = r.property == null ? -1 : type.index(r.property);
            sampled[k] = r.kind == RuleKind.AGGREGATE || r.kind == RuleKind.RATE_OF_CHANGE;
            guardProperty[k] = guardProperty(type, r, bindings[k], propertyIndex[k]);
            guards[k] = guardProperty[k] >= 0 ? r.condition.guard() : null;
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

    /** The property of the type that the rule's guard compares, when it is a number the device reports; else -1. */
    static int guardProperty(TypeFacts type, CompiledRule r, int[] binding, int own) {
        boolean byCondition =
                r.kind == RuleKind.THRESHOLD || r.kind == RuleKind.DURATION || r.kind == RuleKind.COMPOSITE;
        Guard g = byCondition && type != null ? r.condition.guard() : null;
        if (g == null) {
            return -1;
        }
        if (binding != null) {
            for (int i = 0; i < binding.length; i++) {
                if (binding[i] == g.slot()) {
                    return type.type(i) == VarType.NUMBER ? i : -1;
                }
            }
        }
        // "value" is the rule's own property, written into the facts for thresholds and durations only.
        boolean ownValue = r.kind != RuleKind.COMPOSITE && g.slot() == r.valueSlot && own >= 0;
        return ownValue && type.type(own) == VarType.NUMBER ? own : -1;
    }
}
