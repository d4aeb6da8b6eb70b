package org.cityos.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityos.audit.AuditTrail;
import org.cityos.casework.persistence.IntakePolicyRepository;
import org.cityos.casework.persistence.IntakePolicyRepository.PolicyRow;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;

/**
 * The policy table by which casework turns other contexts' events into cases: alarms, and data resources that failed
 * their quality check. Matching keys are ordered by specificity per source: for alarms {@code rule}, {@code
 * template}, {@code kind}, {@code *}; for quality {@code resource}, {@code department}, {@code *}.
 */
public class IntakePolicies {
    /** Alarms raised by alerting; attributes rule (id), template (code), kind; severity by colour. */
    public static final String ALARMS = "alerting.alarm";

    /** Data resources whose quality run failed (catalog); attributes resource (code), department (provider). */
    public static final String QUALITY = "catalog.quality";

    /** Each source's matching keys, most specific first. */
    private static final Map<String, List<String>> KEYS = Map.of(
            ALARMS, List.of("rule", "template", "kind", "*"),
            QUALITY, List.of("resource", "department", "*"));

    private static final List<String> SEVERITIES = List.of("RED", "ORANGE", "YELLOW", "BLUE");

    private final IntakePolicyRepository repository;
    private final Categories categories;
    private final AuditTrail audit;

    public IntakePolicies(IntakePolicyRepository repository, Categories categories, AuditTrail audit) {
        this.repository = repository;
        this.categories = categories;
        this.audit = audit;
    }

    public List<IntakePolicy> list(Actor actor) {
        actor.require(Permission.CASE_READ);
        return repository.all().stream().map(IntakePolicies::policy).toList();
    }

    /** The most specific enabled policy of the source matching the event's attributes, if any. */
    public Optional<IntakePolicy> match(String source, Map<String, String> attributes) {
        List<PolicyRow> rows = repository.of(source);
        for (String key : KEYS.getOrDefault(source, List.of())) {
            String value = key.equals("*") ? "*" : attributes.get(key);
            if (value == null) {
                continue;
            }
            Optional<PolicyRow> hit = rows.stream()
                    .filter(r -> r.matchKey().equals(key) && r.matchValue().equals(value))
                    .findFirst();
            if (hit.isPresent()) {
                // A disabled specific policy stops the search: it says "not this one", not "ask a wider one".
                return hit.filter(PolicyRow::enabled).map(IntakePolicies::policy);
            }
        }
        return Optional.empty();
    }

    /** Severities order most severe first: RED before BLUE. */
    public static boolean severeEnough(IntakePolicy policy, String severity) {
        if (policy.minSeverity() == null) {
            return true;
        }
        return SEVERITIES.indexOf(severity) >= 0
                && SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(policy.minSeverity());
    }

    public IntakePolicy create(Actor actor, IntakePolicy draft) {
        actor.require(Permission.CASE_CONFIGURE);
        check(draft);
        long id = repository.insert(row(draft, 0, 0));
        if (id == 0) {
            throw InvalidInput.of("matchValue", "problem.intake-policy-exists", draft.matchKey(), draft.matchValue());
        }
        audit.record(
                actor, "casework.intake-policy.create", "casework.intake-policy", String.valueOf(id), details(draft));
        return repository.find(id).map(IntakePolicies::policy).orElseThrow();
    }

    public IntakePolicy change(Actor actor, long id, IntakePolicy draft, int version) {
        actor.require(Permission.CASE_CONFIGURE);
        PolicyRow current = repository.find(id).orElseThrow(() -> new NotFound("intake-policy", id));
        check(new IntakePolicy(
                id,
                current.source(),
                current.matchKey(),
                current.matchValue(),
                draft.categoryCode(),
                draft.urgency(),
                draft.minSeverity(),
                draft.enabled(),
                version));
        PolicyRow changed = new PolicyRow(
                id,
                current.source(),
                current.matchKey(),
                current.matchValue(),
                draft.categoryCode(),
                draft.urgency().name(),
                draft.minSeverity(),
                draft.enabled(),
                version);
        if (!repository.update(changed)) {
            throw new ConcurrentChange("intake-policy", id);
        }
        audit.record(
                actor, "casework.intake-policy.change", "casework.intake-policy", String.valueOf(id), details(draft));
        return repository.find(id).map(IntakePolicies::policy).orElseThrow();
    }

    public void delete(Actor actor, long id) {
        actor.require(Permission.CASE_CONFIGURE);
        if (!repository.delete(id)) {
            throw new NotFound("intake-policy", id);
        }
        audit.record(actor, "casework.intake-policy.delete", "casework.intake-policy", String.valueOf(id), Map.of());
    }

    private void check(IntakePolicy p) {
        List<FieldIssue> issues = new ArrayList<>();
        List<String> keys = p.source() == null ? null : KEYS.get(p.source());
        if (keys == null) {
            issues.add(new FieldIssue("source", "problem.case-bad-value", String.valueOf(p.source())));
        }
        if (p.matchKey() == null || (keys != null && !keys.contains(p.matchKey()))) {
            issues.add(new FieldIssue("matchKey", "problem.case-bad-value", String.valueOf(p.matchKey())));
        }
        if (p.matchValue() == null || !p.matchValue().matches("[A-Za-z0-9_\\-*]{1,60}")) {
            issues.add(new FieldIssue("matchValue", "validation.pattern"));
        }
        if (p.categoryCode() == null || !categories.usable(p.categoryCode())) {
            issues.add(
                    new FieldIssue("categoryCode", "problem.case-unknown-category", String.valueOf(p.categoryCode())));
        }
        if (p.urgency() == null) {
            issues.add(new FieldIssue("urgency", "validation.required"));
        }
        if (p.minSeverity() != null && (!ALARMS.equals(p.source()) || !SEVERITIES.contains(p.minSeverity()))) {
            issues.add(new FieldIssue("minSeverity", "problem.case-bad-value", p.minSeverity()));
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
    }

    private static PolicyRow row(IntakePolicy p, long id, int version) {
        return new PolicyRow(
                id,
                p.source(),
                p.matchKey(),
                p.matchValue(),
                p.categoryCode(),
                p.urgency().name(),
                p.minSeverity(),
                p.enabled(),
                version);
    }

    private static Map<String, Object> details(IntakePolicy p) {
        return Map.of(
                "source",
                String.valueOf(p.source()),
                "match",
                p.matchKey() + "=" + p.matchValue(),
                "category",
                p.categoryCode(),
                "urgency",
                p.urgency().name(),
                "enabled",
                p.enabled());
    }

    static IntakePolicy policy(PolicyRow r) {
        return new IntakePolicy(
                r.id(),
                r.source(),
                r.matchKey(),
                r.matchValue(),
                r.categoryCode(),
                Urgency.valueOf(r.urgency()),
                r.minSeverity(),
                r.enabled(),
                r.version());
    }
}
