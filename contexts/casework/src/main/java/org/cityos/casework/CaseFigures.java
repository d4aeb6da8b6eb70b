package org.cityos.casework;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.cityos.casework.internal.CaseWork;
import org.cityos.casework.persistence.CaseFigureRepository;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.InvalidInput;

/**
 * The cockpit's read-only figures over the cases an actor sees: where the open ones are, and how many came in and
 * were closed each day. Same scope as {@link Cases#search}, so a town's leader sees only the town.
 */
public class CaseFigures {
    /** More points than this would not help a map; the heat layer looks the same. */
    public static final int MAX_LOCATIONS = 20_000;

    public static final int MAX_DAYS = 366;

    private static final List<CaseStatus> OPEN =
            Arrays.stream(CaseStatus.values()).filter(CaseStatus::open).toList();

    private final CaseWork work;
    private final CaseFigureRepository figures;

    public CaseFigures(CaseWork work, CaseFigureRepository figures) {
        this.work = work;
        this.figures = figures;
    }

    /** The open cases with a place, most recent first, at most {@code limit} (1 … {@link #MAX_LOCATIONS}). */
    public List<CaseLocation> openLocations(Actor actor, int limit) {
        actor.require(Permission.CASE_READ);
        if (limit < 1 || limit > MAX_LOCATIONS) {
            throw InvalidInput.of("limit", "validation.range", 1, MAX_LOCATIONS);
        }
        CaseFilter open = new CaseFilter(OPEN, null, null, null, null, null, null, null, null);
        return figures.located(Cases.scoped(work, actor, open), limit).stream()
                .map(l -> new CaseLocation(l.id(), l.lon(), l.lat(), Urgency.valueOf(l.urgency()), l.overdue()))
                .toList();
    }

    /** Every day of {@code [from, to]} in Beijing, days without cases as zeros. */
    public List<CaseDay> perDay(Actor actor, LocalDate from, LocalDate to) {
        actor.require(Permission.CASE_READ);
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw InvalidInput.of("from", "validation.range", to.minusDays(MAX_DAYS), to);
        }
        ZoneId zone = RatePeriod.ZONE;
        var counted = figures.perDay(
                Cases.scoped(work, actor, CaseFilter.none()),
                from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(),
                zone.getId());
        var byDay = new java.util.HashMap<LocalDate, CaseFigureRepository.Counted>();
        counted.forEach(c -> byDay.put(c.day(), c));
        return from.datesUntil(to.plusDays(1))
                .map(d -> {
                    var c = byDay.get(d);
                    return new CaseDay(d, c == null ? 0 : c.received(), c == null ? 0 : c.closed());
                })
                .toList();
    }
}
