package org.cityos.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.cityos.audit.AuditTrail;
import org.cityos.casework.internal.TextRules;
import org.cityos.casework.persistence.Open311ServiceRepository;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;

/**
 * The public service catalogue: what Open311 apps offer citizens, each service tied to a case category. Reading the
 * active catalogue is public; operators with the configure permission read all and change or add services
 * (optimistic version, audited).
 */
public class Open311Services {
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_\\-]{0,39}");
    private static final int MAX_ATTRIBUTES = 30;

    private final Open311ServiceRepository repository;
    private final Categories categories;
    private final AuditTrail audit;
    private final Clock clock;

    public Open311Services(Open311ServiceRepository repository, Categories categories, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.categories = categories;
        this.audit = audit;
        this.clock = clock;
    }

    /** The services offered to the public now. */
    public List<Open311Service> catalogue() {
        return repository.all(true);
    }

    /** An offered service by its code; a withdrawn one is not offered. */
    public Optional<Open311Service> offered(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return repository.find(code).filter(Open311Service::active);
    }

    /** The name the public knows a category by: the first offered service of that category. */
    public Optional<String> nameOfCategory(String categoryCode) {
        return categoryCode == null
                ? Optional.empty()
                : catalogue().stream()
                        .filter(s -> s.categoryCode().equals(categoryCode))
                        .map(Open311Service::name)
                        .findFirst();
    }

    /** Every service's public name by code, withdrawn ones too: old requests keep the name they were made under. */
    public Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        repository.all(false).forEach(s -> names.put(s.code(), s.name()));
        return names;
    }

    public List<Open311Service> all(Actor actor) {
        actor.require(Permission.CASE_CONFIGURE);
        return repository.all(false);
    }

    public Open311Service get(Actor actor, String code) {
        actor.require(Permission.CASE_CONFIGURE);
        return (code == null || !CODE.matcher(code).matches()
                        ? Optional.<Open311Service>empty()
                        : repository.find(code))
                .orElseThrow(() -> new NotFound("open311-service", code));
    }

    /**
     * Adds the service or changes it; {@code version} is the one read (null: whatever is stored). A category that
     * is not a usable leaf is refused: every public request must be able to become a dispatchable case.
     */
    public Open311Service put(Actor actor, String code, ServiceChange change, Integer version) {
        actor.require(Permission.CASE_CONFIGURE);
        if (code == null || !CODE.matcher(code).matches()) {
            throw InvalidInput.of("service_code", "validation.pattern");
        }
        check(change);
        Open311Service wanted = new Open311Service(
                code,
                change.categoryCode().strip(),
                TextRules.clean(change.name()),
                TextRules.clean(change.description()),
                TextRules.clean(change.group()),
                TextRules.clean(change.keywords()),
                "realtime",
                change.active() == null || change.active(),
                change.attributes(),
                0);
        Instant now = clock.instant();
        Optional<Open311Service> stored = repository.find(code);
        boolean written;
        if (stored.isEmpty()) {
            written = (version == null || version == 0) && repository.insertIfAbsent(wanted, now);
        } else {
            written = repository.update(wanted, version == null ? stored.get().version() : version, now);
        }
        if (!written) {
            throw new ConcurrentChange("open311-service", code);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("categoryCode", wanted.categoryCode());
        details.put("name", wanted.name());
        details.put("active", wanted.active());
        details.put("attributes", wanted.attributes().size());
        audit.record(
                actor,
                stored.isEmpty() ? "casework.open311-service.create" : "casework.open311-service.change",
                "casework.open311-service",
                code,
                details);
        return repository.find(code).orElseThrow();
    }

    /** Seeds an empty catalogue; a service whose category is not usable yet is kept (operators fix it) and named. */
    public List<String> seed(List<Open311Service> services) {
        List<String> unusable = new ArrayList<>();
        if (!repository.isEmpty()) {
            return unusable;
        }
        Instant now = clock.instant();
        for (Open311Service s : services) {
            repository.insertIfAbsent(s, now);
            if (!categories.usable(s.categoryCode())) {
                unusable.add(s.code() + "→" + s.categoryCode());
            }
        }
        return unusable;
    }

    private void check(ServiceChange c) {
        if (c == null) {
            throw InvalidInput.of("body", "validation.required");
        }
        List<FieldIssue> issues = new ArrayList<>();
        TextRules.check(issues, "name", c.name(), true, 100);
        TextRules.check(issues, "description", c.description(), false, 500);
        TextRules.check(issues, "group", c.group(), false, 50);
        TextRules.check(issues, "keywords", c.keywords(), false, 200);
        if (c.categoryCode() == null || c.categoryCode().isBlank()) {
            issues.add(new FieldIssue("categoryCode", "validation.required"));
        } else if (!categories.usable(c.categoryCode().strip())) {
            issues.add(new FieldIssue("categoryCode", "problem.case-unknown-category", c.categoryCode()));
        }
        List<ServiceAttribute> attributes = c.attributes() == null ? List.of() : c.attributes();
        if (attributes.size() > MAX_ATTRIBUTES) {
            issues.add(new FieldIssue("attributes", "validation.range", 0, MAX_ATTRIBUTES));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < attributes.size(); i++) {
            checkAttribute(issues, "attributes[" + i + "]", attributes.get(i), codes);
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
    }

    private static void checkAttribute(List<FieldIssue> issues, String at, ServiceAttribute a, Set<String> codes) {
        if (a == null) {
            issues.add(new FieldIssue(at, "validation.required"));
            return;
        }
        if (a.code() == null || !CODE.matcher(a.code()).matches() || !codes.add(a.code())) {
            issues.add(new FieldIssue(at + ".code", "validation.pattern"));
        }
        if (!ServiceAttribute.DATATYPES.contains(a.datatype())) {
            issues.add(new FieldIssue(at + ".datatype", "validation.pattern"));
        }
        TextRules.check(issues, at + ".description", a.description(), true, 500);
        TextRules.check(issues, at + ".datatype_description", a.datatypeDescription(), false, 200);
        if (a.isList() && a.values().isEmpty()) {
            issues.add(new FieldIssue(at + ".values", "validation.required"));
        }
        for (int j = 0; j < a.values().size(); j++) {
            ServiceAttribute.Value v = a.values().get(j);
            if (v == null || v.key() == null || v.key().isBlank()) {
                issues.add(new FieldIssue(at + ".values[" + j + "].key", "validation.required"));
            } else {
                TextRules.check(issues, at + ".values[" + j + "].name", v.name(), true, 100);
            }
        }
    }
}
