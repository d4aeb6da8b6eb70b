package org.cityos.casework;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.cityos.audit.AuditTrail;
import org.cityos.casework.internal.ReportScope;
import org.cityos.casework.persistence.HotSpotRepository;
import org.cityos.casework.persistence.HotSpotRow;
import org.cityos.casework.persistence.ScopeFilter;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.NotFound;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hot spots (高频诉求) within the reader's divisions: listed and read with {@link Permission#CASE_REPORT},
 * acknowledged and closed by the centre with {@link Permission#CASE_DISPATCH} (audited). A hot spot outside the
 * reader's scope is "not found", as cases are.
 */
public class HotSpots {
    private final HotSpotRepository repository;
    private final AuditTrail audit;
    private final Clock clock;
    private final DivisionCode district;

    public HotSpots(HotSpotRepository repository, AuditTrail audit, Clock clock, DivisionCode district) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
        this.district = district;
    }

    /** Hot spots of {@code status} (all when null), the most recently active first. */
    public Page<HotSpot> list(Actor actor, HotSpotStatus status, PageRequest page) {
        actor.require(Permission.CASE_REPORT);
        ScopeFilter scope = ReportScope.of(actor, district);
        String s = status == null ? null : status.name();
        return new Page<>(
                repository.list(scope, s, page.offset(), page.limit()).stream()
                        .map(HotSpots::view)
                        .toList(),
                repository.count(scope, s),
                page.offset(),
                page.limit());
    }

    public HotSpot get(Actor actor, String id) {
        actor.require(Permission.CASE_REPORT);
        return view(load(actor, id));
    }

    /** Someone at the centre looks into it; {@code expectedVersion} (If-Match) may be null. */
    @Transactional
    public HotSpot acknowledge(Actor actor, String id, Integer expectedVersion) {
        return move(actor, id, expectedVersion, HotSpotStatus.ACKNOWLEDGED, Set.of(HotSpotStatus.OPEN));
    }

    /** Dealt with: new cases at the place start a new hot spot. */
    @Transactional
    public HotSpot close(Actor actor, String id, Integer expectedVersion) {
        return move(
                actor,
                id,
                expectedVersion,
                HotSpotStatus.CLOSED,
                Set.of(HotSpotStatus.OPEN, HotSpotStatus.ACKNOWLEDGED));
    }

    private HotSpot move(Actor actor, String id, Integer expectedVersion, HotSpotStatus to, Set<HotSpotStatus> from) {
        actor.require(Permission.CASE_REPORT);
        actor.require(Permission.CASE_DISPATCH);
        HotSpotRow row = load(actor, id);
        HotSpotStatus now = HotSpotStatus.valueOf(row.status());
        if (!from.contains(now)) {
            throw new HotSpotNotInState(id, now);
        }
        int version = expectedVersion == null ? row.version() : expectedVersion;
        if (!repository.changeStatus(id, version, to.name(), actor.id(), clock.instant())) {
            throw new ConcurrentChange("hotspot", id);
        }
        audit.record(
                actor,
                "casework.hotspot." + to.name().toLowerCase(java.util.Locale.ROOT),
                "casework.hotspot",
                id,
                row.divisionCode() == null || !DivisionCode.isValid(row.divisionCode())
                        ? null
                        : DivisionCode.of(row.divisionCode()),
                Map.of("from", now.name(), "category", row.categoryCode(), "cases", row.caseCount()));
        return view(repository.find(id).orElseThrow());
    }

    private HotSpotRow load(Actor actor, String id) {
        HotSpotRow row = repository.find(id).orElseThrow(() -> new NotFound("hotspot", id));
        ScopeFilter scope = ReportScope.of(actor, district);
        if (!visible(scope, row.divisionCode())) {
            throw new NotFound("hotspot", id);
        }
        return row;
    }

    private static boolean visible(ScopeFilter scope, String division) {
        if (scope.all()) {
            return true;
        }
        if (division == null) {
            return scope.unplaced();
        }
        return scope.divisionPrefixes().stream().anyMatch(division::startsWith);
    }

    static HotSpot view(HotSpotRow r) {
        return new HotSpot(
                r.id(),
                r.categoryCode(),
                r.lon(),
                r.lat(),
                r.radiusMetres(),
                r.caseCount(),
                r.firstAt(),
                r.lastAt(),
                HotSpotStatus.valueOf(r.status()),
                r.divisionCode(),
                r.caseIds(),
                r.raisedAt(),
                r.version());
    }
}
