package org.cityos.casework;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityos.audit.AuditTrail;
import org.cityos.casework.internal.UnitDirectory;
import org.cityos.casework.persistence.DispatchRuleRepository;
import org.cityos.casework.persistence.DispatchRuleRepository.RuleRow;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;
import org.cityos.kernel.problem.ProblemKind;

/** The dispatch rule table (category × division → responsible unit, with a district fallback), kept as data. */
public class DispatchRules {
    private final DispatchRuleRepository repository;
    private final UnitDirectory directory;
    private final AuditTrail audit;

    public DispatchRules(DispatchRuleRepository repository, UnitDirectory directory, AuditTrail audit) {
        this.repository = repository;
        this.directory = directory;
        this.audit = audit;
    }

    public List<DispatchRule> list(Actor actor) {
        actor.require(Permission.CASE_READ);
        return repository.all().stream().map(DispatchRules::rule).toList();
    }

    /** The rule for a category in a division: longest category prefix first, then longest division prefix. */
    public Optional<DispatchRule> resolve(String categoryCode, String divisionCode) {
        if (categoryCode == null) {
            return Optional.empty();
        }
        return repository
                .best(categoryCode, divisionCode == null ? "" : divisionCode)
                .map(DispatchRules::rule);
    }

    public DispatchRule create(Actor actor, DispatchRule draft) {
        actor.require(Permission.CASE_CONFIGURE);
        check(draft);
        long id = repository.insert(
                draft.categoryPrefix(), draft.divisionPrefix(), draft.unit().toString(), co(draft), draft.automatic());
        if (id == 0) {
            throw new RuleExists(draft.categoryPrefix(), draft.divisionPrefix());
        }
        audit.record(
                actor, "casework.dispatch-rule.create", "casework.dispatch-rule", String.valueOf(id), details(draft));
        return repository.find(id).map(DispatchRules::rule).orElseThrow();
    }

    public DispatchRule change(Actor actor, long id, DispatchRule draft, int version) {
        actor.require(Permission.CASE_CONFIGURE);
        repository.find(id).orElseThrow(() -> new NotFound("dispatch-rule", id));
        check(draft);
        if (!repository.update(id, draft.unit().toString(), co(draft), draft.automatic(), version)) {
            throw new ConcurrentChange("dispatch-rule", id);
        }
        audit.record(
                actor, "casework.dispatch-rule.change", "casework.dispatch-rule", String.valueOf(id), details(draft));
        return repository.find(id).map(DispatchRules::rule).orElseThrow();
    }

    public void delete(Actor actor, long id) {
        actor.require(Permission.CASE_CONFIGURE);
        if (!repository.delete(id)) {
            throw new NotFound("dispatch-rule", id);
        }
        audit.record(actor, "casework.dispatch-rule.delete", "casework.dispatch-rule", String.valueOf(id), Map.of());
    }

    private void check(DispatchRule d) {
        List<FieldIssue> issues = new ArrayList<>();
        if (d.categoryPrefix() == null || !d.categoryPrefix().matches("[A-Za-z0-9]{0,20}")) {
            issues.add(new FieldIssue("categoryPrefix", "validation.pattern"));
        }
        if (d.divisionPrefix() == null || !d.divisionPrefix().matches("\\d{0,15}")) {
            issues.add(new FieldIssue("divisionPrefix", "validation.pattern"));
        }
        if (d.unit() == null || !directory.exists(d.unit())) {
            issues.add(new FieldIssue("unit", "problem.case-unknown-unit", String.valueOf(d.unit())));
        }
        for (int i = 0; d.coUnits() != null && i < d.coUnits().size(); i++) {
            if (!directory.exists(d.coUnits().get(i))) {
                issues.add(new FieldIssue(
                        "coUnits[" + i + "]",
                        "problem.case-unknown-unit",
                        d.coUnits().get(i)));
            }
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
    }

    private static String co(DispatchRule d) {
        return d.coUnits() == null
                ? ""
                : String.join(",", d.coUnits().stream().map(UnitRef::toString).toList());
    }

    private static Map<String, Object> details(DispatchRule d) {
        return Map.of(
                "category",
                d.categoryPrefix(),
                "division",
                d.divisionPrefix(),
                "unit",
                d.unit().toString(),
                "automatic",
                d.automatic());
    }

    static DispatchRule rule(RuleRow r) {
        List<UnitRef> co = r.coUnits().isBlank()
                ? List.of()
                : Arrays.stream(r.coUnits().split(","))
                        .map(u -> UnitRef.parse(u).orElseThrow())
                        .toList();
        return new DispatchRule(
                r.id(),
                r.categoryPrefix(),
                r.divisionPrefix(),
                UnitRef.parse(r.unit()).orElseThrow(),
                co,
                r.automatic(),
                r.version());
    }

    public static final class RuleExists extends DomainProblem {
        RuleExists(String category, String division) {
            super(ProblemKind.CONFLICT, "dispatch-rule-exists", "problem.dispatch-rule-exists", category, division);
        }
    }
}
