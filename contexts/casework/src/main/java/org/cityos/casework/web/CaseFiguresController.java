package org.cityos.casework.web;

import static org.cityos.casework.web.ReportParams.date;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.cityos.casework.CaseDay;
import org.cityos.casework.CaseFigures;
import org.cityos.casework.CaseLocation;
import org.cityos.casework.RatePeriod;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cockpit's case figures within the caller's scope: open cases as points ({@code status=open}, the only set the
 * map needs) and received/closed per Beijing day (default: the last 30 days up to today).
 */
@RestController
@RequestMapping(path = "/api/casework/cases", produces = MediaType.APPLICATION_JSON_VALUE)
public class CaseFiguresController {
    private final CaseFigures figures;
    private final Clock clock;

    public CaseFiguresController(CaseFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    @GetMapping("/locations")
    public List<CaseLocation> locations(
            Actor actor, @RequestParam(required = false) String status, @RequestParam(required = false) Integer limit) {
        if (status != null && !status.isBlank() && !status.strip().equalsIgnoreCase("open")) {
            throw InvalidInput.of("status", "problem.case-bad-value", status);
        }
        return figures.openLocations(actor, limit == null ? 5_000 : limit);
    }

    @GetMapping("/daily")
    public List<CaseDay> daily(
            Actor actor, @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate end = date("to", to, LocalDate.now(clock.withZone(RatePeriod.ZONE)));
        return figures.perDay(actor, date("from", from, end.minusDays(29)), end);
    }
}
