package org.cityos.alerting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cityos.alerting.internal.alarms.AlarmRows;
import org.cityos.alerting.internal.engine.RuleEngine;
import org.cityos.alerting.persistence.AlarmQuery;
import org.cityos.alerting.persistence.AlarmRepository;
import org.cityos.alerting.persistence.AlarmRow;
import org.cityos.audit.AuditTrail;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.NotFound;
import org.cityos.kernel.problem.ProblemKind;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alarms as operators work them: search and history within their divisions, and acknowledge, clear or resolve —
 * each a step with who and when, an audit record and an event through the outbox. An operator's clear or resolve
 * tells the engine, so that a condition still present raises a fresh alarm.
 */
public class Alarms {
    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    private final AlarmRepository repository;
    private final RuleEngine engine;
    private final EventBus events;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public Alarms(
            AlarmRepository repository,
            RuleEngine engine,
            EventBus events,
            AuditTrail audit,
            TransactionTemplate transactions,
            Clock clock) {
        this.repository = repository;
        this.engine = engine;
        this.events = events;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Page<Alarm> search(Actor actor, AlarmFilter filter, PageRequest page) {
        actor.require(Permission.ALARM_READ);
        AlarmQuery q = new AlarmQuery(
                filter.statuses() == null
                        ? null
                        : filter.statuses().stream().map(Enum::name).toList(),
                filter.severities() == null
                        ? null
                        : filter.severities().stream().map(Enum::name).toList(),
                filter.rule() == null ? null : filter.rule().value(),
                filter.device(),
                filter.division() == null
                        ? null
                        : DivisionCode.of(filter.division()).prefix(),
                filter.from(),
                filter.to(),
                filter.q(),
                scope(actor));
        Page<AlarmRow> rows = repository.search(q, page);
        return new Page<>(
                rows.items().stream().map(r -> AlarmRows.alarm(r, List.of())).toList(),
                rows.total(),
                rows.offset(),
                rows.limit());
    }

    public Alarm get(Actor actor, AlarmId id) {
        actor.require(Permission.ALARM_READ);
        AlarmRow r = visible(actor, repository.find(id.value(), false).orElseThrow(() -> notFound(id)));
        return AlarmRows.alarm(r, repository.steps(id.value()));
    }

    public AlarmSummary summary(Actor actor) {
        actor.require(Permission.ALARM_READ);
        Instant midnight =
                LocalDate.now(clock.withZone(LOCAL)).atStartOfDay(LOCAL).toInstant();
        Map<Severity, Long> today = new EnumMap<>(Severity.class);
        Map<Severity, Long> open = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            today.put(s, 0L);
            open.put(s, 0L);
        }
        for (Object[] row : repository.counts(midnight, scope(actor))) {
            Severity s = Severity.valueOf((String) row[0]);
            today.put(s, (Long) row[1]);
            open.put(s, (Long) row[2]);
        }
        return new AlarmSummary(today, open);
    }

    public Alarm acknowledge(Actor actor, AlarmId id, Integer expectedVersion, String note) {
        return act(actor, id, expectedVersion, note, "acknowledged", r -> {
            if (!"RAISED".equals(r.status())) {
                throw new AlarmNotInState(id, r.status(), "RAISED");
            }
            Instant now = clock.instant();
            repository.acknowledged(r.id(), actor.id(), now);
            repository.step(r.id(), "ACKNOWLEDGED", actor.id(), note, now);
            events.publish(new AlarmAcknowledged(AlarmRows.facts(r), actor.id(), note, now));
        });
    }

    public Alarm clear(Actor actor, AlarmId id, Integer expectedVersion, String note) {
        return act(actor, id, expectedVersion, note, "cleared", r -> {
            if (!AlarmStatus.valueOf(r.status()).open()) {
                throw new AlarmNotInState(id, r.status(), "RAISED/ACKNOWLEDGED");
            }
            Instant now = clock.instant();
            repository.cleared(r.id(), actor.id(), now);
            repository.step(r.id(), "CLEARED", actor.id(), note, now);
            events.publish(new AlarmCleared(AlarmRows.facts(r), actor.id(), note, now));
            engine.markClosed(new RuleId(r.ruleId()), r.subject());
        });
    }

    public Alarm resolve(Actor actor, AlarmId id, Integer expectedVersion, String note) {
        return act(actor, id, expectedVersion, note, "resolved", r -> {
            if ("RESOLVED".equals(r.status())) {
                throw new AlarmNotInState(id, r.status(), "RAISED/ACKNOWLEDGED/CLEARED");
            }
            Instant now = clock.instant();
            repository.resolved(r.id(), actor.id(), now);
            repository.step(r.id(), "RESOLVED", actor.id(), note, now);
            events.publish(new AlarmResolved(AlarmRows.facts(r), actor.id(), note, now));
            if (AlarmStatus.valueOf(r.status()).open()) {
                engine.markClosed(new RuleId(r.ruleId()), r.subject());
            }
        });
    }

    private Alarm act(
            Actor actor, AlarmId id, Integer expectedVersion, String note, String action, Consumer<AlarmRow> change) {
        actor.require(Permission.ALARM_HANDLE);
        if (note != null && note.length() > 1000) {
            throw org.cityos.kernel.problem.InvalidInput.of("note", "validation.length", 0, 1000);
        }
        transactions.executeWithoutResult(status -> {
            AlarmRow r = visible(actor, repository.find(id.value(), true).orElseThrow(() -> notFound(id)));
            if (expectedVersion != null && expectedVersion != r.version()) {
                throw new ConcurrentChange("alarm", id.value());
            }
            change.accept(r);
            audit.record(
                    actor, "alerting.alarm." + action, "alarm", id.value(), Map.of("note", note == null ? "" : note));
        });
        return get(actor, id);
    }

    private static AlarmRow visible(Actor actor, AlarmRow r) {
        if (!actor.isSystem() && (r.division() == null || !actor.covers(DivisionCode.of(r.division())))) {
            throw new NotFound("alarm", r.id());
        }
        return r;
    }

    private static List<String> scope(Actor actor) {
        return actor.isSystem()
                ? null
                : actor.divisions().stream().map(DivisionCode::prefix).toList();
    }

    private static NotFound notFound(AlarmId id) {
        return new NotFound("alarm", id.value());
    }

    /** The alarm is not where the action needs it. */
    public static final class AlarmNotInState extends DomainProblem {
        AlarmNotInState(AlarmId id, String status, String needed) {
            super(
                    ProblemKind.CONFLICT,
                    "alarm-not-in-state",
                    "alerting.alarm.not-in-state",
                    id.value(),
                    status,
                    needed);
        }
    }
}
