package org.cityos.alerting.internal.alarms;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.cityos.alerting.AlarmCleared;
import org.cityos.alerting.AlarmEscalated;
import org.cityos.alerting.AlarmFlapping;
import org.cityos.alerting.AlarmId;
import org.cityos.alerting.AlarmRaised;
import org.cityos.alerting.Rule;
import org.cityos.alerting.RuleId;
import org.cityos.alerting.Severity;
import org.cityos.alerting.internal.engine.Finding;
import org.cityos.alerting.persistence.AlarmRepository;
import org.cityos.alerting.persistence.AlarmRow;
import org.cityos.kernel.event.EventBus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the engine's findings as alarms, one transaction each: a raise opens an alarm unless one is open for the
 * rule and subject (then it counts a repeat) or one was cleared by CityOS moments ago (then it reopens, one more
 * flap; enough flaps and it is flapping, and its clears wait until the condition settles). Every lifecycle change
 * is a step and an event through the outbox.
 */
public final class AlarmBook {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AlarmRepository alarms;
    private final Function<RuleId, Optional<Rule>> rules;
    private final EventBus events;
    private final TransactionTemplate transactions;
    private final AlarmPolicy policy;
    private final Clock clock;

    public AlarmBook(
            AlarmRepository alarms,
            Function<RuleId, Optional<Rule>> rules,
            EventBus events,
            TransactionTemplate transactions,
            AlarmPolicy policy,
            Clock clock) {
        this.alarms = alarms;
        this.rules = rules;
        this.events = events;
        this.transactions = transactions;
        this.policy = policy;
        this.clock = clock;
    }

    public void apply(Finding f) {
        Rule rule = rules.apply(f.rule()).orElse(null);
        if (rule == null) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            if (policy.commitsLazily(rule.kind())) {
                alarms.commitLazily();
            }
            switch (f.change()) {
                case RAISE, REPEAT -> raise(rule, f);
                case CLEAR -> clear(f);
            }
        });
    }

    private void raise(Rule rule, Finding f) {
        String detail = json(f.values());
        Optional<AlarmRow> open = alarms.lockOpen(f.rule().value(), f.subject());
        if (open.isPresent()) {
            alarms.repeated(open.get().id(), f.at(), detail);
            return;
        }
        if (f.change() == Finding.Change.REPEAT) {
            return;
        }
        Instant escalateAt =
                f.at().plus(policy.ackWithin(rule.severity(), rule.draft().ackWithin()));
        Optional<AlarmRow> recent =
                alarms.lockRecentlyCleared(f.rule().value(), f.subject(), f.at().minus(policy.reopenWithin()));
        if (recent.isPresent()) {
            AlarmRow r = recent.get();
            boolean flapping = r.flapCount() + 1 >= policy.flapThreshold();
            // The escalation level survives the reopening: one that escalated as often as allowed stays there.
            Instant nextEscalation = r.escalationLevel() >= policy.maxEscalations() ? null : escalateAt;
            alarms.reopened(r.id(), f.at(), nextEscalation, flapping, detail);
            alarms.step(r.id(), "REOPENED", null, null, f.at());
            AlarmRow now = alarms.find(r.id(), false).orElseThrow();
            if (flapping && !r.flapping()) {
                alarms.step(r.id(), "FLAPPING", null, null, f.at());
                events.publish(new AlarmFlapping(AlarmRows.facts(now), null, null, f.at()));
            } else if (!flapping) {
                events.publish(new AlarmRaised(AlarmRows.facts(now), null, "reopened", f.at()));
            }
            return;
        }
        AlarmRow row = new AlarmRow(
                AlarmId.random().value(),
                rule.id().value(),
                rule.version(),
                rule.name(),
                rule.template(),
                rule.kind().name(),
                rule.severity().name(),
                f.subject(),
                f.deviceId(),
                f.deviceType(),
                f.division(),
                f.location() == null ? null : f.location().lon(),
                f.location() == null ? null : f.location().lat(),
                AlarmTitles.render(rule, f),
                detail,
                "RAISED",
                f.at(),
                f.at(),
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                escalateAt,
                null,
                false,
                0,
                null,
                1);
        alarms.insert(row);
        alarms.step(row.id(), "RAISED", null, null, f.at());
        events.publish(new AlarmRaised(AlarmRows.facts(row), null, null, f.at()));
    }

    private void clear(Finding f) {
        Optional<AlarmRow> open = alarms.lockOpen(f.rule().value(), f.subject());
        if (open.isEmpty()) {
            return;
        }
        AlarmRow r = open.get();
        if (r.flapping()) {
            alarms.clearPending(r.id(), f.at());
            return;
        }
        alarms.cleared(r.id(), null, f.at());
        alarms.step(r.id(), "CLEARED", null, null, f.at());
        events.publish(new AlarmCleared(AlarmRows.facts(r), null, null, f.at()));
    }

    /** Escalates unacknowledged alarms whose deadline passed, and clears flapping alarms that settled. */
    public int sweep() {
        Instant now = clock.instant();
        Integer n = transactions.execute(status -> {
            int done = 0;
            for (AlarmRow r : alarms.lockDueForEscalation(now, 500)) {
                int level = r.escalationLevel() + 1;
                Rule rule = rules.apply(new RuleId(r.ruleId())).orElse(null);
                Instant next = level >= policy.maxEscalations()
                        ? null
                        : now.plus(policy.ackWithin(
                                Severity.valueOf(r.severity()),
                                rule == null ? null : rule.draft().ackWithin()));
                alarms.escalated(r.id(), level, now, next);
                alarms.step(r.id(), "ESCALATED", null, "level " + level, now);
                AlarmRow after = alarms.find(r.id(), false).orElseThrow();
                events.publish(new AlarmEscalated(AlarmRows.facts(after), null, null, now));
                done++;
            }
            for (AlarmRow r : alarms.lockSettled(now.minus(policy.settleAfter()), 500)) {
                alarms.cleared(r.id(), null, now);
                alarms.step(r.id(), "CLEARED", null, "settled after flapping", now);
                events.publish(new AlarmCleared(AlarmRows.facts(r), null, "settled", now));
                done++;
            }
            return done;
        });
        return n == null ? 0 : n;
    }

    private static String json(Map<String, Object> values) {
        return values == null || values.isEmpty() ? null : JSON.writeValueAsString(values);
    }
}
