package org.cityos.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The daily operations report (日报) of one Beijing day, within the reader's scope.
 *
 * @param received cases received that day, all channels
 * @param intake cases received by channel, most first
 * @param dispatched cases dispatched that day
 * @param closed cases closed that day
 * @param overdue cases still open at the day's end that had missed a response or resolution deadline by then
 * @param ratesPeriod the period of the league table: the month to date, as a single day's rates are too thin
 * @param units the league table by unit over {@code ratesPeriod}
 * @param topCategories the category leaves most cases received that day had
 * @param hotSpots hot spots not yet closed, the most recently active first
 */
public record DailyFigures(
        LocalDate day,
        Instant generatedAt,
        long received,
        List<ChannelCount> intake,
        long dispatched,
        long closed,
        long overdue,
        RatePeriod ratesPeriod,
        List<RateRow> units,
        List<CategoryCount> topCategories,
        List<HotSpot> hotSpots) {

    public DailyFigures {
        intake = List.copyOf(intake);
        units = List.copyOf(units);
        topCategories = List.copyOf(topCategories);
        hotSpots = List.copyOf(hotSpots);
    }

    public record ChannelCount(Channel channel, long count) {}

    public record CategoryCount(String categoryCode, long count) {}
}
