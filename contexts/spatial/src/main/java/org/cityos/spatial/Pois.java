package org.cityos.spatial;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityos.audit.AuditTrail;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.PoiProblems.ExternalIdTaken;
import org.cityos.spatial.PoiProblems.PoiOutsideDistrict;
import org.cityos.spatial.PoiProblems.UnknownPoi;
import org.cityos.spatial.internal.poi.LocalProjection;
import org.cityos.spatial.internal.poi.PoiNames;
import org.cityos.spatial.internal.poi.PoiPlacer;
import org.cityos.spatial.internal.poi.PoiRules;
import org.cityos.spatial.persistence.PoiClassRepository;
import org.cityos.spatial.persistence.PoiRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Points of interest: read within the caller's divisions, written by data stewards with optimistic
 * versions; every write is placed (division and grid from the location), audited and published.
 */
@Service
public class Pois {
    private final PoiRepository repository;
    private final PoiClassRepository classes;
    private final PoiPlacer placer;
    private final PoiNames names;
    private final LocalProjection projection;
    private final AuditTrail audit;
    private final EventBus events;
    private final Clock clock;

    public Pois(
            PoiRepository repository,
            PoiClassRepository classes,
            Places places,
            PoiNames names,
            PoiProperties properties,
            AuditTrail audit,
            EventBus events,
            Clock clock) {
        this.repository = repository;
        this.classes = classes;
        this.placer = new PoiPlacer(places::locate);
        this.names = names;
        this.projection = new LocalProjection(properties.projectionLatitude());
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A POI the caller may see; one outside the caller's divisions is reported as unknown. */
    public Poi get(Actor actor, PoiId id) {
        actor.require(Permission.DIVISION_READ);
        Poi poi = repository.find(id).orElseThrow(() -> new UnknownPoi(id));
        if (!covers(actor, poi)) {
            throw new UnknownPoi(id);
        }
        return poi;
    }

    @Transactional
    public Poi place(Actor actor, PoiDraft draft) {
        actor.require(Permission.DIVISION_WRITE);
        Poi poi = build(actor, PoiId.random(), draft, 0, null, "api", false);
        if (poi.externalId() != null && repository.externalIdTaken(poi.externalId(), poi.id())) {
            throw new ExternalIdTaken(poi.externalId());
        }
        repository.insert(poi, projection);
        audit.record(actor, "spatial.poi.create", "poi", poi.id().toString(), poi.division(), details(poi));
        events.publish(new PoiPlaced(
                poi.id().toString(), poi.classCode(), poi.name(), poi.division().value()));
        names.afterCommit(List.of(poi), List.of());
        return poi;
    }

    @Transactional
    public Poi change(Actor actor, PoiId id, int expectedVersion, PoiDraft draft) {
        actor.require(Permission.DIVISION_WRITE);
        Poi current = get(actor, id);
        actor.requireDivision(current.place());
        Poi changed = build(actor, id, draft, expectedVersion + 1, current, current.source(), current.synthetic());
        if (changed.externalId() != null && repository.externalIdTaken(changed.externalId(), id)) {
            throw new ExternalIdTaken(changed.externalId());
        }
        if (!repository.update(changed, expectedVersion, projection)) {
            throw new ConcurrentChange("POI", id);
        }
        audit.record(
                actor,
                "spatial.poi.change",
                "poi",
                id.toString(),
                changed.division(),
                Map.of("from", details(current), "to", details(changed)));
        events.publish(new PoiChanged(
                id.toString(),
                changed.classCode(),
                changed.name(),
                changed.division().value(),
                changed.version()));
        names.afterCommit(List.of(changed), List.of());
        return changed;
    }

    @Transactional
    public void remove(Actor actor, PoiId id, int expectedVersion) {
        actor.require(Permission.DIVISION_WRITE);
        Poi current = get(actor, id);
        actor.requireDivision(current.place());
        if (!repository.delete(id, expectedVersion)) {
            throw new ConcurrentChange("POI", id);
        }
        audit.record(actor, "spatial.poi.delete", "poi", id.toString(), current.division(), details(current));
        events.publish(new PoiRemoved(id.toString(), current.division().value()));
        names.afterCommit(List.of(), List.of(id));
    }

    /**
     * Loads many POIs in one transaction (seeding, benchmarks, demos): each is checked and placed like
     * a single write, the batch is audited once. Returns how many were stored; any bad draft stops all.
     */
    @Transactional
    public int placeAll(Actor actor, List<PoiDraft> drafts, String source, boolean synthetic) {
        actor.require(Permission.DIVISION_WRITE);
        List<Poi> built = new ArrayList<>(drafts.size());
        for (PoiDraft d : drafts) {
            built.add(build(actor, PoiId.random(), d, 0, null, source, synthetic));
        }
        repository.insertAll(built, projection);
        audit.record(
                actor, "spatial.poi.bulk-create", "poi", source, Map.of("count", built.size(), "synthetic", synthetic));
        names.afterCommit(built, List.of());
        return built.size();
    }

    /** Checks a draft and places it; throws the problems a caller must fix. */
    private Poi build(
            Actor actor, PoiId id, PoiDraft draft, int version, Poi current, String source, boolean synthetic) {
        List<FieldIssue> issues = new ArrayList<>(PoiRules.check(draft));
        if (draft.classCode() != null
                && !draft.classCode().isBlank()
                && classes.find(draft.classCode().strip()).isEmpty()) {
            issues.add(new FieldIssue("class", "problem.unknown-poi-class", draft.classCode()));
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        PoiPlacer.Assigned at =
                placer.assign(draft.location()).orElseThrow(() -> new PoiOutsideDistrict(draft.location()));
        actor.requireDivision(at.grid() != null ? at.grid() : at.division());
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return new Poi(
                id,
                draft.classCode().strip(),
                draft.name().strip(),
                draft.location(),
                at.division(),
                at.grid(),
                PoiRules.clean(draft.address()),
                PoiRules.clean(draft.phone()),
                draft.attributes(),
                PoiRules.clean(draft.externalId()),
                synthetic,
                source,
                version,
                current == null ? now : current.createdAt(),
                now);
    }

    static boolean covers(Actor actor, Poi poi) {
        return actor.covers(poi.place());
    }

    private static Map<String, Object> details(Poi p) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("class", p.classCode());
        d.put("name", p.name());
        d.put("lon", p.location().lon());
        d.put("lat", p.location().lat());
        d.put("division", p.division().value());
        if (p.externalId() != null) {
            d.put("externalId", p.externalId());
        }
        return d;
    }
}
