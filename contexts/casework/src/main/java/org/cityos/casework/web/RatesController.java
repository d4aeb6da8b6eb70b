package org.cityos.casework.web;

import static org.cityos.casework.web.ReportParams.choice;
import static org.cityos.casework.web.ReportParams.date;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.cityos.casework.Granularity;
import org.cityos.casework.OverdueCase;
import org.cityos.casework.RateDimension;
import org.cityos.casework.RatePeriod;
import org.cityos.casework.RateRow;
import org.cityos.casework.Rates;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * League tables of the three rates, a key's trend, and the overdue list. Dates are Beijing days ({@code yyyy-MM-dd});
 * without them a table covers the month to date.
 */
@RestController
@RequestMapping(path = "/api/casework", produces = MediaType.APPLICATION_JSON_VALUE)
public class RatesController {
    private final Rates rates;
    private final Clock clock;

    public RatesController(Rates rates, Clock clock) {
        this.rates = rates;
        this.clock = clock;
    }

    @GetMapping("/rates")
    public List<RateRow> table(
            Actor actor,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        RateDimension dimension = choice(RateDimension.class, "by", by, RateDimension.UNIT);
        LocalDate today = today();
        LocalDate end = date("to", to, today);
        LocalDate start = date("from", from, end.withDayOfMonth(1));
        return rates.table(actor, dimension, new RatePeriod(start, end));
    }

    @GetMapping("/rates/trend")
    public List<RateRow> trend(
            Actor actor,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String granularity) {
        RateDimension dimension = choice(RateDimension.class, "by", by, RateDimension.UNIT);
        Granularity step = choice(Granularity.class, "granularity", granularity, Granularity.DAY);
        LocalDate end = date("to", to, today());
        LocalDate start = date("from", from, end.minusDays(29));
        return rates.trend(actor, dimension, key, start, end, step);
    }

    @GetMapping("/overdue")
    public Page<OverdueCase> overdue(
            Actor actor,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        return rates.overdue(actor, PageRequest.of(offset, limit));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(RatePeriod.ZONE));
    }
}
