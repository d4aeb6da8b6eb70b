package org.cityos.spatial;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.cityos.audit.AuditTrail;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.PoiProblems.PoiClassExists;
import org.cityos.spatial.PoiProblems.UnknownPoiClass;
import org.cityos.spatial.internal.poi.PoiRules;
import org.cityos.spatial.persistence.PoiClassRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The POI class catalogue: read by everyone who reads spatial data, edited by data stewards, audited. */
@Service
public class PoiClasses {
    private final PoiClassRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    public PoiClasses(PoiClassRepository repository, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every class in display order; no access check (other contexts label their POIs with it). */
    public List<PoiClass> all() {
        return repository.all();
    }

    public List<PoiClass> list(Actor actor) {
        actor.require(Permission.DIVISION_READ);
        return repository.all();
    }

    public PoiClass get(Actor actor, String code) {
        actor.require(Permission.DIVISION_READ);
        return repository.find(code).orElseThrow(() -> new UnknownPoiClass(code));
    }

    public boolean exists(String code) {
        return code != null && repository.find(code).isPresent();
    }

    @Transactional
    public PoiClass create(Actor actor, PoiClassDraft draft) {
        actor.require(Permission.DIVISION_WRITE);
        var issues = PoiRules.checkClass(draft, true);
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        if (repository.find(draft.code()).isPresent()) {
            throw new PoiClassExists(draft.code());
        }
        int order =
                draft.sortOrder() != null ? draft.sortOrder() : repository.all().size() + 1;
        repository.insert(draft, order, clock.instant());
        audit.record(actor, "spatial.poi-class.create", "poi-class", draft.code(), details(draft, order));
        return repository.find(draft.code()).orElseThrow();
    }

    @Transactional
    public PoiClass change(Actor actor, String code, int expectedVersion, PoiClassDraft draft) {
        actor.require(Permission.DIVISION_WRITE);
        PoiClass current = repository.find(code).orElseThrow(() -> new UnknownPoiClass(code));
        var issues = PoiRules.checkClass(draft, false);
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        int order = draft.sortOrder() != null ? draft.sortOrder() : current.sortOrder();
        if (!repository.update(code, draft, order, expectedVersion, clock.instant())) {
            throw new ConcurrentChange("POI class", code);
        }
        audit.record(
                actor,
                "spatial.poi-class.change",
                "poi-class",
                code,
                Map.of(
                        "from",
                        Map.of("nameZh", current.nameZh(), "nameEn", current.nameEn()),
                        "to",
                        details(draft, order)));
        return repository.find(code).orElseThrow();
    }

    private static Map<String, Object> details(PoiClassDraft d, int order) {
        return Map.of(
                "nameZh", d.nameZh().strip(),
                "nameEn", d.nameEn().strip(),
                "icon", d.icon(),
                "colour", d.colour(),
                "sortOrder", order);
    }
}
