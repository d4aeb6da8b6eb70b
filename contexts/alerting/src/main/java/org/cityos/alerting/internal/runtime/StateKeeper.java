package org.cityos.alerting.internal.runtime;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.cityos.alerting.RuleId;
import org.cityos.alerting.internal.engine.RuleEngine;
import org.cityos.alerting.internal.engine.StateSnapshot;
import org.cityos.alerting.persistence.RuleStateRepository;
import org.cityos.alerting.persistence.RuleStateRepository.StateRow;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the engine's per-subject state in the database (changed states every couple of seconds and at shutdown)
 * and puts it back at start, for rules whose version did not change. Whether an alarm is open is not kept here:
 * the alarm store says so, which is why a restart never raises a duplicate.
 */
public final class StateKeeper {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RuleEngine engine;
    private final RuleStateRepository repository;
    private final Clock clock;

    public StateKeeper(RuleEngine engine, RuleStateRepository repository, Clock clock) {
        this.engine = engine;
        this.repository = repository;
        this.clock = clock;
    }

    /** Writes the states that changed; returns how many rows were written or deleted. */
    public synchronized int flush() {
        List<StateRow> rows = new ArrayList<>();
        for (StateSnapshot.Keyed k : StateSnapshot.dirty(engine)) {
            rows.add(new StateRow(
                    k.rule().value(),
                    k.version(),
                    k.subject(),
                    k.snapshot() == null ? null : JSON.writeValueAsString(k.snapshot())));
        }
        if (!rows.isEmpty()) {
            repository.save(rows, clock.instant());
        }
        return rows.size();
    }

    /** Puts back stored states of rules the engine runs at the same version. */
    public int restore() {
        int n = 0;
        java.util.Map<String, Integer> versions = new java.util.HashMap<>();
        engine.rules().forEach(r -> versions.put(r.rule().id().value(), r.rule().version()));
        for (StateRow row : repository.all()) {
            Integer v = versions.get(row.ruleId());
            if (v != null && v == row.ruleVersion()) {
                engine.restore(
                        new RuleId(row.ruleId()), row.subject(), JSON.readValue(row.json(), StateSnapshot.class));
                n++;
            }
        }
        return n;
    }
}
