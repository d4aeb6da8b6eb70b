package org.cityos.alerting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cityos.alerting.internal.engine.CompiledRule;
import org.cityos.alerting.internal.engine.RuleCompiler;
import org.cityos.alerting.internal.engine.RuleEngine;
import org.cityos.alerting.internal.engine.RuleIssue;
import org.cityos.alerting.persistence.RuleRepository;
import org.cityos.alerting.persistence.RuleRepository.RuleRow;
import org.cityos.audit.AuditTrail;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.DivisionLevel;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Monitoring rules: write (checked at save, every fault with its position), switch on and off, and keep the engine
 * in step. A rule covering no division is district-wide, and only someone whose scope is the whole district (or
 * wider) may write it; otherwise the writer must cover each of its divisions.
 */
public class Rules {
    private static final Logger log = LoggerFactory.getLogger(Rules.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RuleRepository repository;
    private final RuleCompiler compiler;
    private final RuleEngine engine;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<RuleId, Rule> cache = new ConcurrentHashMap<>();

    public Rules(RuleRepository repository, RuleCompiler compiler, RuleEngine engine, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.compiler = compiler;
        this.engine = engine;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Rule> list(Actor actor, RuleKind kind, Boolean enabled, String q, String template) {
        requireRead(actor);
        return repository.list(kind == null ? null : kind.name(), enabled, q, template).stream()
                .map(Rules::rule)
                .filter(r -> visible(actor, r))
                .toList();
    }

    public Rule get(Actor actor, RuleId id) {
        requireRead(actor);
        Rule r = repository.find(id.value()).map(Rules::rule).orElseThrow(() -> notFound(id));
        if (!visible(actor, r)) {
            throw notFound(id);
        }
        return r;
    }

    /** The rule by id for CityOS itself (the alarm store), cached. */
    public Optional<Rule> find(RuleId id) {
        Rule r = cache.get(id);
        if (r != null) {
            return Optional.of(r);
        }
        Optional<Rule> found = repository.find(id.value()).map(Rules::rule);
        found.ifPresent(x -> cache.put(id, x));
        return found;
    }

    public RuleCheck check(Actor actor, RuleDraft draft) {
        actor.require(Permission.RULE_WRITE);
        List<RuleCheck.Issue> issues = compiler.check(draft).stream()
                .map(i -> new RuleCheck.Issue(
                        i.field(), i.key(), i.line(), i.column(), i.reason(), i.reason(), i.messageArgs()))
                .toList();
        return new RuleCheck(issues.isEmpty(), issues);
    }

    public Rule create(Actor actor, RuleDraft draft, boolean enabled, String template) {
        requireWrite(actor, draft);
        refuseIfInvalid(draft);
        Instant now = clock.instant();
        RuleId id = RuleId.random();
        repository.insert(
                new RuleRow(
                        id.value(),
                        draft.name().strip(),
                        draft.kind().name(),
                        draft.severity().name(),
                        json(draft),
                        enabled,
                        null,
                        template,
                        1,
                        actor.id(),
                        now,
                        now),
                draft.scope().divisions());
        audit.record(
                actor, "alerting.rule.created", "rule", id.value(), Map.of("name", draft.name(), "enabled", enabled));
        reload();
        return repository.find(id.value()).map(Rules::rule).orElseThrow();
    }

    public Rule change(Actor actor, RuleId id, int expectedVersion, RuleDraft draft) {
        Rule before = get(actor, id);
        requireWrite(actor, before.draft());
        requireWrite(actor, draft);
        refuseIfInvalid(draft);
        boolean updated = repository.update(
                new RuleRow(
                        id.value(),
                        draft.name().strip(),
                        draft.kind().name(),
                        draft.severity().name(),
                        json(draft),
                        before.enabled() || before.failure() != null,
                        null,
                        before.template(),
                        0,
                        null,
                        null,
                        clock.instant()),
                draft.scope().divisions(),
                expectedVersion);
        if (!updated) {
            throw new ConcurrentChange("rule", id.value());
        }
        audit.record(actor, "alerting.rule.changed", "rule", id.value(), Map.of("name", draft.name()));
        reload();
        return get(actor, id);
    }

    public Rule enable(Actor actor, RuleId id, boolean on) {
        Rule r = get(actor, id);
        requireWrite(actor, r.draft());
        if (on) {
            refuseIfInvalid(r.draft());
        }
        repository.switchTo(id.value(), on, null, clock.instant());
        audit.record(actor, on ? "alerting.rule.enabled" : "alerting.rule.disabled", "rule", id.value(), Map.of());
        reload();
        return get(actor, id);
    }

    public void delete(Actor actor, RuleId id) {
        Rule r = get(actor, id);
        requireWrite(actor, r.draft());
        repository.delete(id.value());
        audit.record(actor, "alerting.rule.deleted", "rule", id.value(), Map.of("name", r.name()));
        reload();
    }

    /** The engine stopped a rule that failed at run time: keep it off, with the reason, for its owners to see. */
    public void failed(RuleId id, String reason) {
        log.warn("rule {} failed at run time and was disabled: {}", id, reason);
        repository.switchTo(id.value(), false, reason == null ? "failed" : reason, clock.instant());
        audit.record(
                Actor.system("alerting"),
                "alerting.rule.failed",
                "rule",
                id.value(),
                Map.of("reason", String.valueOf(reason)));
        cache.remove(id);
    }

    /** Compiles the enabled rules into the engine; a rule that no longer compiles is switched off with the reason. */
    public synchronized void reload() {
        cache.clear();
        List<CompiledRule> compiled = new ArrayList<>();
        for (RuleRow row : repository.enabled()) {
            Rule r = rule(row);
            try {
                compiled.add(compiler.compile(r));
            } catch (RuntimeException e) {
                failed(r.id(), e.getMessage());
            }
        }
        engine.load(compiled);
    }

    private void refuseIfInvalid(RuleDraft draft) {
        List<RuleIssue> issues = compiler.check(draft);
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues.stream()
                    .map(i -> new FieldIssue(i.field(), i.key(), i.messageArgs()))
                    .toList());
        }
    }

    private static void requireRead(Actor actor) {
        if (!actor.has(Permission.RULE_WRITE) && !actor.has(Permission.ALARM_READ)) {
            throw new AccessDenied("problem.missing-permission", Permission.ALARM_READ.name());
        }
    }

    private static void requireWrite(Actor actor, RuleDraft draft) {
        actor.require(Permission.RULE_WRITE);
        if (actor.isSystem()) {
            return;
        }
        List<String> divisions =
                draft.scope() == null ? List.of() : draft.scope().divisions();
        if (divisions.isEmpty()) {
            boolean district =
                    actor.divisions().stream().anyMatch(d -> d.level().ordinal() <= DivisionLevel.DISTRICT.ordinal());
            if (!district) {
                throw new AccessDenied("alerting.rule.district-wide", actor.id());
            }
            return;
        }
        for (String d : divisions) {
            if (DivisionCode.isValid(d)) {
                actor.requireDivision(DivisionCode.of(d));
            }
        }
    }

    private static boolean visible(Actor actor, Rule r) {
        List<String> divisions = r.draft().scope().divisions();
        if (actor.isSystem() || divisions.isEmpty()) {
            return true;
        }
        for (String d : divisions) {
            DivisionCode code = DivisionCode.of(d);
            for (DivisionCode scope : actor.divisions()) {
                if (scope.contains(code) || code.contains(scope)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static NotFound notFound(RuleId id) {
        return new NotFound("rule", id.value());
    }

    static String json(RuleDraft draft) {
        return JSON.writeValueAsString(draft);
    }

    static Rule rule(RuleRow row) {
        RuleDraft draft = JSON.readValue(row.definition(), RuleDraft.class);
        return new Rule(
                new RuleId(row.id()),
                draft,
                row.enabled(),
                row.failure(),
                row.template(),
                row.version(),
                row.createdBy(),
                row.createdAt(),
                row.updatedAt());
    }
}
