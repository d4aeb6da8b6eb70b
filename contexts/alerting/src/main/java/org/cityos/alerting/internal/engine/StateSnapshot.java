package org.cityos.alerting.internal.engine;

/**
 * A subject's state as the state store keeps it, so that a restart neither loses a running duration nor a window.
 * Whether an alarm is open is not part of it: the alarm store is the truth for that.
 */
public record StateSnapshot(long since, Boolean inside, long lastSeen, long[] times, double[] values, String[] who) {

    static StateSnapshot of(SubjectState s) {
        Window w = s.window;
        return new StateSnapshot(
                s.since,
                s.inside,
                s.lastSeen,
                w == null ? new long[0] : w.timesInOrder(),
                w == null ? new double[0] : w.valuesInOrder(),
                w == null ? new String[0] : w.contributorsInOrder());
    }

    void applyTo(SubjectState s) {
        s.timeFrom(since);
        s.inside = inside;
        s.lastSeen = Math.max(s.lastSeen, lastSeen);
        if (times.length > 0) {
            Window w = new Window();
            for (int i = 0; i < times.length; i++) {
                w.add(times[i], values[i], who.length > i ? who[i] : null);
            }
            s.window = w;
        }
    }

    /** The states that changed since last asked, as snapshots keyed by rule and subject. */
    public static java.util.List<Keyed> dirty(RuleEngine engine) {
        java.util.List<Keyed> out = new java.util.ArrayList<>();
        for (SubjectState s : engine.takeDirty()) {
            synchronized (engine.lockOf(s)) {
                s.dirty = false;
                out.add(new Keyed(
                        s.rule.rule().id(), s.rule.rule().version(), s.subject, s.worthKeeping() ? of(s) : null));
            }
        }
        return out;
    }

    /** A snapshot with its keys; {@code snapshot} null means the stored row can be deleted. */
    public record Keyed(org.cityos.alerting.RuleId rule, int version, String subject, StateSnapshot snapshot) {}
}
