package org.cityos.alerting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.NotFound;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scenario templates shipped with CityOS (waterlogging, air quality by AQI band, VOCs, dust, heat pumps, gas
 * leaks, fires, buses, elderly care, devices offline). Enabling one saves a rule from it, with the user's scope
 * and whatever it {@code needs} filled in from the overrides.
 */
public class RuleTemplates {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<RuleTemplate> templates;
    private final Rules rules;

    public RuleTemplates(Rules rules) {
        this.rules = rules;
        try (InputStream in = RuleTemplates.class.getResourceAsStream("/alerting/templates.json")) {
            this.templates = List.copyOf(JSON.readValue(in, new TypeReference<List<RuleTemplate>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<RuleTemplate> list(Actor actor) {
        if (!actor.has(Permission.RULE_WRITE)) {
            actor.require(Permission.ALARM_READ);
        }
        return templates;
    }

    public RuleTemplate get(String code) {
        return templates.stream()
                .filter(t -> t.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new NotFound("rule-template", code));
    }

    /**
     * Saves and enables a rule from the template. {@code override} may narrow the scope, change the severity or
     * supply what the template needs; its null fields keep the template's.
     */
    public Rule enable(Actor actor, String code, RuleDraft override) {
        RuleDraft t = get(code).draft();
        RuleDraft o = override == null
                ? new RuleDraft(
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                : override;
        RuleScope scope = t.scope();
        if (o.scope() != null) {
            scope = new RuleScope(
                    o.scope().deviceTypes().isEmpty()
                            ? t.scope().deviceTypes()
                            : o.scope().deviceTypes(),
                    o.scope().divisions(),
                    o.scope().departments(),
                    o.scope().tags(),
                    o.scope().devices());
        }
        RuleDraft merged = new RuleDraft(
                or(o.name(), t.name()),
                or(o.description(), t.description()),
                t.kind(),
                or(o.severity(), t.severity()),
                scope,
                or(o.property(), t.property()),
                or(o.condition(), t.condition()),
                or(o.clearCondition(), t.clearCondition()),
                or(o.window(), t.window()),
                or(o.aggregation(), t.aggregation()),
                o.geofence() != null ? o.geofence() : t.geofence(),
                or(o.companion(), t.companion()),
                or(o.eventName(), t.eventName()),
                or(o.ackWithin(), t.ackWithin()),
                or(o.title(), t.title()));
        return rules.create(actor, merged, true, code);
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }
}
