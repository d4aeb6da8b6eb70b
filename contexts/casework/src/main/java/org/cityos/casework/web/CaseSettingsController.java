package org.cityos.casework.web;

import static org.cityos.casework.web.CaseParams.enumOf;
import static org.cityos.casework.web.CaseParams.unit;
import static org.cityos.casework.web.CaseParams.units;
import static org.cityos.casework.web.CaseParams.version;

import java.util.List;
import org.cityos.casework.DispatchRule;
import org.cityos.casework.DispatchRules;
import org.cityos.casework.IntakePolicies;
import org.cityos.casework.IntakePolicy;
import org.cityos.casework.Urgency;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The tables operators keep: dispatch rules (category × division → unit) and intake policies for alarms. */
@RestController
@RequestMapping(path = "/api/casework", produces = MediaType.APPLICATION_JSON_VALUE)
public class CaseSettingsController {
    public record RuleBody(
            String categoryPrefix, String divisionPrefix, String unit, List<String> coUnits, Boolean automatic) {}

    public record PolicyBody(
            String source,
            String matchKey,
            String matchValue,
            String categoryCode,
            String urgency,
            String minSeverity,
            Boolean enabled) {}

    private final DispatchRules rules;
    private final IntakePolicies policies;

    public CaseSettingsController(DispatchRules rules, IntakePolicies policies) {
        this.rules = rules;
        this.policies = policies;
    }

    @GetMapping("/dispatch-rules")
    public List<DispatchRule> rules(Actor actor) {
        return rules.list(actor);
    }

    @PostMapping("/dispatch-rules")
    @ResponseStatus(HttpStatus.CREATED)
    public DispatchRule createRule(Actor actor, @RequestBody RuleBody body) {
        return rules.create(actor, rule(body));
    }

    @PutMapping("/dispatch-rules/{id}")
    public DispatchRule changeRule(
            Actor actor,
            @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody RuleBody body) {
        return rules.change(actor, id, rule(body), required(ifMatch));
    }

    @DeleteMapping("/dispatch-rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deleteRule(Actor actor, @PathVariable long id) {
        rules.delete(actor, id);
    }

    @GetMapping("/intake-policies")
    public List<IntakePolicy> policies(Actor actor) {
        return policies.list(actor);
    }

    @PostMapping("/intake-policies")
    @ResponseStatus(HttpStatus.CREATED)
    public IntakePolicy createPolicy(Actor actor, @RequestBody PolicyBody body) {
        return policies.create(actor, policy(body, 0));
    }

    @PutMapping("/intake-policies/{id}")
    public IntakePolicy changePolicy(
            Actor actor,
            @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody PolicyBody body) {
        int version = required(ifMatch);
        return policies.change(actor, id, policy(body, version), version);
    }

    @DeleteMapping("/intake-policies/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deletePolicy(Actor actor, @PathVariable long id) {
        policies.delete(actor, id);
    }

    private static DispatchRule rule(RuleBody b) {
        return new DispatchRule(
                0,
                b.categoryPrefix() == null ? "" : b.categoryPrefix().strip(),
                b.divisionPrefix() == null ? "" : b.divisionPrefix().strip(),
                unit("unit", b.unit()),
                units("coUnits", b.coUnits()),
                !Boolean.FALSE.equals(b.automatic()),
                0);
    }

    private static IntakePolicy policy(PolicyBody b, int version) {
        return new IntakePolicy(
                0,
                b.source() == null ? IntakePolicies.ALARMS : b.source(),
                b.matchKey(),
                b.matchValue(),
                b.categoryCode(),
                enumOf(Urgency.class, "urgency", b.urgency(), Urgency.ROUTINE),
                b.minSeverity() == null || b.minSeverity().isBlank()
                        ? null
                        : b.minSeverity().strip(),
                !Boolean.FALSE.equals(b.enabled()),
                version);
    }

    private static int required(String ifMatch) {
        Integer v = version(ifMatch);
        if (v == null) {
            throw InvalidInput.of("If-Match", "validation.required");
        }
        return v;
    }
}
