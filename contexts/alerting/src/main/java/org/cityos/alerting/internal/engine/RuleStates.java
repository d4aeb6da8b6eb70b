package org.cityos.alerting.internal.engine;

import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One rule's states by subject, with the two small sets the clock and the state store need, so neither has to walk
 * every subject: the states whose time is running (a duration or a dwell started), and the engine's queue of states
 * changed since the store last took them. A ruleset that keeps a rule's states keeps this very object.
 */
final class RuleStates {
    final Map<String, SubjectState> bySubject = new ConcurrentHashMap<>();
    final Set<SubjectState> timing = ConcurrentHashMap.newKeySet();
    final Queue<SubjectState> changed;

    RuleStates(Queue<SubjectState> changed) {
        this.changed = changed;
    }
}
