package org.cityos.alerting.internal.engine;

/**
 * What one rule remembers about one subject (a device, or a division for grouped rules) between readings: whether
 * its alarm is open, since when the condition holds, the window's samples, the last position's side of a fence,
 * when data last came. Guarded by the monitor of the subject's owner (its device slot, or itself for groups).
 */
final class SubjectState {
    final CompiledRule rule;
    final String subject;
    DeviceFacts device;
    boolean active;
    /** Whether the condition held at the last evaluation (a repeat needs it to have stopped holding first). */
    boolean held;

    long since = -1;
    Boolean inside;
    long lastSeen;
    Window window;
    /** Changed since the state store last took it; it is then in its rule's queue of changed states, once. */
    boolean dirty;

    private final RuleStates home;

    SubjectState(CompiledRule rule, String subject, DeviceFacts device, RuleStates home) {
        this.rule = rule;
        this.subject = subject;
        this.device = device;
        this.home = home;
    }

    /** Marks the state changed for the state store (under its owner's monitor, as every change is). */
    void changed() {
        if (!dirty) {
            dirty = true;
            home.changed.add(this);
        }
    }

    /** Starts ({@code at} ≥ 0) or stops (−1) the time the clock watches: a duration held or a dwell inside. */
    void timeFrom(long at) {
        since = at;
        if (at >= 0) {
            home.timing.add(this);
        } else {
            home.timing.remove(this);
        }
    }

    Window window() {
        if (window == null) {
            window = new Window();
        }
        return window;
    }

    /** Whether anything worth keeping across a restart is held (otherwise the stored row can go). */
    boolean worthKeeping() {
        return since >= 0 || inside != null || (window != null && window.size() > 0) || lastSeen > 0;
    }
}
