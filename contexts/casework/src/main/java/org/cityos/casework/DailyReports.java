package org.cityos.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cityos.casework.internal.DailyPdf;
import org.cityos.casework.internal.DailyWorkbook;
import org.cityos.casework.internal.ReportScope;
import org.cityos.casework.persistence.ReportRepository;
import org.cityos.casework.persistence.ReportRepository.DayCounts;
import org.cityos.casework.persistence.ScopeFilter;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.InvalidInput;

/**
 * The daily operations report (日报) of a Beijing day: intake by channel, dispatched, closed and overdue cases, the
 * month-to-date league table by unit, top categories and open hot spots; as figures, an Excel workbook or a PDF with
 * its CJK font embedded. Needs {@link Permission#CASE_REPORT}; counts only what the reader may see.
 */
public class DailyReports {
    static final int TOP_CATEGORIES = 10;
    static final int HOT_SPOTS = 50;

    private final ReportRepository reports;
    private final Rates rates;
    private final HotSpots hotSpots;
    private final Clock clock;
    private final DivisionCode district;

    public DailyReports(ReportRepository reports, Rates rates, HotSpots hotSpots, Clock clock, DivisionCode district) {
        this.reports = reports;
        this.rates = rates;
        this.hotSpots = hotSpots;
        this.clock = clock;
        this.district = district;
    }

    public DailyFigures figures(Actor actor, LocalDate day) {
        actor.require(Permission.CASE_REPORT);
        if (day == null) {
            throw InvalidInput.of("date", "validation.required");
        }
        LocalDate today = LocalDate.now(clock.withZone(RatePeriod.ZONE));
        if (day.isAfter(today)) {
            throw InvalidInput.of("date", "rates.day-in-future", day, today);
        }
        RatePeriod period = RatePeriod.day(day);
        ScopeFilter scope = ReportScope.of(actor, district);
        List<DailyFigures.ChannelCount> intake = new ArrayList<>();
        long received = 0;
        for (ReportRepository.KeyCount k : reports.intakeByChannel(period.start(), period.end(), scope)) {
            intake.add(new DailyFigures.ChannelCount(Channel.valueOf(k.key()), k.count()));
            received += k.count();
        }
        DayCounts counts = reports.day(period.start(), period.end(), scope);
        List<DailyFigures.CategoryCount> categories =
                reports.topCategories(period.start(), period.end(), scope, TOP_CATEGORIES).stream()
                        .map(k -> new DailyFigures.CategoryCount(k.key(), k.count()))
                        .toList();
        List<HotSpot> spots = new ArrayList<>();
        spots.addAll(hotSpots.list(actor, HotSpotStatus.OPEN, new PageRequest(0, HOT_SPOTS))
                .items());
        spots.addAll(hotSpots.list(actor, HotSpotStatus.ACKNOWLEDGED, new PageRequest(0, HOT_SPOTS))
                .items());
        RatePeriod month = RatePeriod.monthTo(day);
        return new DailyFigures(
                day,
                clock.instant(),
                received,
                intake,
                counts.dispatched(),
                counts.closed(),
                counts.overdue(),
                month,
                rates.byUnit(actor, month),
                categories,
                spots);
    }

    /** The report as an .xlsx workbook: 概况, 三率排名, 高发类别, 高频诉求. */
    public byte[] excel(Actor actor, LocalDate day) {
        return DailyWorkbook.write(figures(actor, day));
    }

    /** The report as a PDF; the CJK font travels inside it (subset), so it reads the same on any machine. */
    public byte[] pdf(Actor actor, LocalDate day) {
        return DailyPdf.write(figures(actor, day));
    }
}
