package org.cityos.alerting.web;

import java.util.List;
import java.util.Locale;
import org.cityos.alerting.DryRunResult;
import org.cityos.alerting.DryRuns;
import org.cityos.alerting.Rule;
import org.cityos.alerting.RuleCheck;
import org.cityos.alerting.RuleDraft;
import org.cityos.alerting.RuleTemplate;
import org.cityos.alerting.RuleTemplates;
import org.cityos.alerting.Rules;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.context.MessageSource;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Rules: list, read, check a draft, save, change, switch, delete; templates; dry runs. */
@RestController
@RequestMapping(path = "/api/alerting", produces = MediaType.APPLICATION_JSON_VALUE)
public class RuleController {
    private final Rules rules;
    private final RuleTemplates templates;
    private final DryRuns dryRuns;
    private final MessageSource messages;

    public RuleController(Rules rules, RuleTemplates templates, DryRuns dryRuns, MessageSource messages) {
        this.rules = rules;
        this.templates = templates;
        this.dryRuns = dryRuns;
        this.messages = messages;
    }

    @GetMapping("/rules")
    public List<Rule> list(
            Actor actor,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Boolean enabled,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String template) {
        return rules.list(actor, kind == null ? null : Params.kind(kind), enabled, q, template);
    }

    @GetMapping("/rules/{id}")
    public Rule get(Actor actor, @PathVariable String id) {
        return rules.get(actor, Params.rule(id));
    }

    @PostMapping("/rules/check")
    public RuleCheck check(Actor actor, @RequestBody RuleDraft draft, Locale locale) {
        RuleCheck check = rules.check(actor, draft);
        return new RuleCheck(
                check.valid(),
                check.issues().stream()
                        .map(i -> i.localized(messages.getMessage(i.code(), i.args(), i.reason(), locale)))
                        .toList());
    }

    @PostMapping("/rules")
    @ResponseStatus(HttpStatus.CREATED)
    public Rule create(
            Actor actor, @RequestBody RuleDraft draft, @RequestParam(defaultValue = "true") boolean enabled) {
        return rules.create(actor, draft, enabled, null);
    }

    @PutMapping("/rules/{id}")
    public Rule change(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Integer version,
            @RequestBody RuleDraft draft) {
        Integer expected = version != null ? version : Params.version(ifMatch);
        if (expected == null) {
            throw InvalidInput.of("version", "alerting.rule.version-required");
        }
        return rules.change(actor, Params.rule(id), expected, draft);
    }

    @PostMapping("/rules/{id}/enable")
    public Rule enable(Actor actor, @PathVariable String id) {
        return rules.enable(actor, Params.rule(id), true);
    }

    @PostMapping("/rules/{id}/disable")
    public Rule disable(Actor actor, @PathVariable String id) {
        return rules.enable(actor, Params.rule(id), false);
    }

    @DeleteMapping("/rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(Actor actor, @PathVariable String id) {
        rules.delete(actor, Params.rule(id));
    }

    @GetMapping("/templates")
    public List<RuleTemplate> templates(Actor actor) {
        return templates.list(actor);
    }

    @PostMapping("/templates/{code}/enable")
    @ResponseStatus(HttpStatus.CREATED)
    public Rule enableTemplate(
            Actor actor, @PathVariable String code, @RequestBody(required = false) RuleDraft override) {
        return templates.enable(actor, code, override);
    }

    /** A dry run: the draft in the body, the period as {@code from}/{@code to} (ISO-8601 instants). */
    @PostMapping("/rules/dry-run")
    public DryRunResult dryRun(
            Actor actor, @RequestParam String from, @RequestParam String to, @RequestBody RuleDraft draft) {
        return dryRuns.run(actor, draft, Params.instant("from", from), Params.instant("to", to));
    }
}
