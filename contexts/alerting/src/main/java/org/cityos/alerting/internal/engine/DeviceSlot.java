package org.cityos.alerting.internal.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One device as the engine holds it: its facts, its latest values, and — for the current ruleset — the rules that
 * cover it (shared with the devices of the same coverage) with its own states. All of a device's evaluation happens
 * under this object's monitor.
 */
final class DeviceSlot {
    static final DeviceSlot UNTRACKED = new DeviceSlot(null, null);

    final DeviceFacts facts;
    final DeviceValues values;
    long version = -1;
    Coverage coverage = Coverage.NONE;
    /** This device's state for each rule of {@link #coverage} (null for rules grouped by division). */
    SubjectState[] states = new SubjectState[0];

    long loadedAt;

    DeviceSlot(DeviceFacts facts, DeviceValues values) {
        this.facts = facts;
        this.values = values;
    }

    boolean tracked() {
        return facts != null;
    }

    /** Binds the device to the ruleset's rules that cover it. */
    void bind(Ruleset ruleset) {
        List<CompiledRule> mine = new ArrayList<>();
        List<SubjectState> mineStates = new ArrayList<>();
        for (CompiledRule r : ruleset.byType.getOrDefault(facts.typeCode(), List.of())) {
            if (r.covers(facts) && !r.byDivision) {
                mine.add(r);
                SubjectState state = ruleset.state(r, facts.id(), facts);
                state.device = facts;
                mineStates.add(state);
            } else if (r.covers(facts)) {
                mine.add(r);
                mineStates.add(null);
            }
        }
        coverage = ruleset.coverage(values.type(), mine);
        states = mineStates.toArray(SubjectState[]::new);
        version = ruleset.version;
    }
}
