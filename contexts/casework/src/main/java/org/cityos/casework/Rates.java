package org.cityos.casework;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityos.casework.internal.ReportScope;
import org.cityos.casework.internal.UnitLabels;
import org.cityos.casework.persistence.RateCounts;
import org.cityos.casework.persistence.RateRepository;
import org.cityos.casework.persistence.RateRepository.Grouping;
import org.cityos.casework.persistence.RateRepository.Step;
import org.cityos.casework.persistence.ReportRepository;
import org.cityos.casework.persistence.ScopeFilter;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.InvalidInput;

/**
 * The three rates (三率) and league tables (排名) by unit, town or top-level category, their trend over time, and the
 * list of open overdue cases. Every figure is one SQL aggregate narrowed to what the reader may see (see
 * {@link RateFormula} for the definitions); needs {@link Permission#CASE_REPORT}.
 */
public class Rates {
    /** A trend has at most this many steps: two years of weeks, or a bit more than a year of days. */
    public static final int MAX_STEPS = 400;

    private final RateRepository rates;
    private final ReportRepository reports;
    private final RateFormula formula;
    private final UnitLabels labels;
    private final DivisionCode district;
    private final Timer timer;

    public Rates(
            RateRepository rates,
            ReportRepository reports,
            RateFormula formula,
            UnitLabels labels,
            DivisionCode district,
            MeterRegistry meters) {
        this.rates = rates;
        this.reports = reports;
        this.formula = formula;
        this.labels = labels;
        this.district = district;
        this.timer = Timer.builder("cityos.casework.rates.query")
                .description("Time to compute one league table or trend")
                .register(meters);
    }

    public RateFormula formula() {
        return formula;
    }

    public List<RateRow> byUnit(Actor actor, RatePeriod period) {
        return table(actor, RateDimension.UNIT, period);
    }

    public List<RateRow> byTown(Actor actor, RatePeriod period) {
        return table(actor, RateDimension.TOWN, period);
    }

    public List<RateRow> byCategory(Actor actor, RatePeriod period) {
        return table(actor, RateDimension.CATEGORY, period);
    }

    /** A league table: one row per group, best composite first, ranked (equal composites share a rank). */
    public List<RateRow> table(Actor actor, RateDimension dimension, RatePeriod period) {
        actor.require(Permission.CASE_REPORT);
        ScopeFilter scope = ReportScope.of(actor, district);
        List<RateCounts> counts = timer.record(() ->
                rates.grouped(grouping(dimension), formula.topCategoryLength(), period.start(), period.end(), scope));
        List<RateRow> rows = new ArrayList<>();
        for (RateCounts c : counts) {
            rows.add(row(c, labels.label(dimension, c.key())));
        }
        return ranked(rows);
    }

    /**
     * The rates of one unit, town or top-level category step by step from {@code from} to {@code to}; steps without
     * dispatched cases are present with zero counts, so a chart has no gaps. Keys are each step's first day.
     */
    public List<RateRow> trend(
            Actor actor, RateDimension dimension, String key, LocalDate from, LocalDate to, Granularity granularity) {
        actor.require(Permission.CASE_REPORT);
        if (key == null || key.isBlank()) {
            throw InvalidInput.of("key", "validation.required");
        }
        if (from == null) {
            throw InvalidInput.of("from", "validation.required");
        }
        if (to == null) {
            throw InvalidInput.of("to", "validation.required");
        }
        if (to.isBefore(from)) {
            throw InvalidInput.of("to", "rates.period-order", from, to);
        }
        LocalDate first = stepStart(from, granularity);
        if (steps(first, to, granularity) > MAX_STEPS) {
            throw InvalidInput.of("to", "rates.too-many-steps", MAX_STEPS);
        }
        ScopeFilter scope = ReportScope.of(actor, district);
        List<RateCounts> counts = timer.record(() -> rates.trend(
                grouping(dimension),
                formula.topCategoryLength(),
                key.strip(),
                Step.valueOf(granularity.name()),
                RatePeriod.ZONE.getId(),
                first.atStartOfDay(RatePeriod.ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(RatePeriod.ZONE).toInstant(),
                scope));
        Map<String, RateCounts> byStep = new HashMap<>();
        counts.forEach(c -> byStep.put(c.key(), c));
        List<RateRow> rows = new ArrayList<>();
        for (LocalDate step = first; !step.isAfter(to); step = next(step, granularity)) {
            String day = step.toString();
            RateCounts c = byStep.getOrDefault(day, new RateCounts(day, 0, 0, 0, 0, 0, 0, 0));
            rows.add(row(c, null));
        }
        return rows;
    }

    /** Open cases past a deadline, the longest overdue first. */
    public Page<OverdueCase> overdue(Actor actor, PageRequest page) {
        actor.require(Permission.CASE_REPORT);
        ScopeFilter scope = ReportScope.of(actor, district);
        List<OverdueCase> items = reports.overdue(scope, page.offset(), page.limit()).stream()
                .map(r -> new OverdueCase(
                        new CaseId(r.id()),
                        r.number(),
                        r.title(),
                        r.categoryCode(),
                        r.mainUnit(),
                        r.townCode(),
                        CaseStatus.valueOf(r.status()),
                        r.responseOverdue(),
                        r.resolutionOverdue(),
                        r.dispatchedAt(),
                        r.responseDue(),
                        r.resolutionDue()))
                .toList();
        return new Page<>(items, reports.overdueCount(scope), page.offset(), page.limit());
    }

    /** Rows sorted best first: composite descending (none last), then more cases, then key; ranks 1, 2, 2, 4 … */
    static List<RateRow> ranked(List<RateRow> rows) {
        List<RateRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(RateRow::composite, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(RateRow::dispatched, Comparator.reverseOrder())
                .thenComparing(RateRow::key, Comparator.nullsLast(Comparator.naturalOrder())));
        List<RateRow> out = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            RateRow r = sorted.get(i);
            Integer rank = i + 1;
            if (i > 0 && same(r.composite(), sorted.get(i - 1).composite())) {
                rank = out.get(i - 1).rank();
            }
            out.add(r.withRank(rank));
        }
        return out;
    }

    private static boolean same(Double a, Double b) {
        // Composites come from sums of fractions: equal inputs may differ in the last bits.
        return a == null ? b == null : b != null && Math.abs(a - b) < 1e-9;
    }

    private RateRow row(RateCounts c, String label) {
        return RateRow.of(
                c.key(),
                label,
                c.dispatched(),
                c.signedInTime(),
                c.followedUp(),
                c.solved(),
                c.rated(),
                c.satisfied(),
                c.basicallySatisfied(),
                formula);
    }

    private static Grouping grouping(RateDimension dimension) {
        return Grouping.valueOf(dimension.name());
    }

    static LocalDate stepStart(LocalDate day, Granularity granularity) {
        return switch (granularity) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    private static LocalDate next(LocalDate step, Granularity granularity) {
        return switch (granularity) {
            case DAY -> step.plusDays(1);
            case WEEK -> step.plusWeeks(1);
            case MONTH -> step.plusMonths(1);
        };
    }

    private static long steps(LocalDate first, LocalDate to, Granularity granularity) {
        return switch (granularity) {
            case DAY -> ChronoUnit.DAYS.between(first, to) + 1;
            case WEEK -> ChronoUnit.WEEKS.between(first, to) + 1;
            case MONTH -> ChronoUnit.MONTHS.between(first, to) + 1;
        };
    }
}
