package org.cityos.casework.web;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cityos.casework.CalendarDay;
import org.cityos.casework.CalendarDays;
import org.cityos.casework.CalendarImportRow;
import org.cityos.casework.CalendarYear;
import org.cityos.kernel.access.Actor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The working calendar over HTTP: a year's holidays and make-up days, one day at a time or a whole year's import. */
@RestController
@RequestMapping(path = "/api/casework/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
public class CalendarController {
    private final CalendarDays days;

    public CalendarController(CalendarDays days) {
        this.days = days;
    }

    /** The body of PUT /{date}, and one element of a JSON import (which also names the date). */
    public record DayRequest(String date, String kind, String name) {}

    @GetMapping
    public CalendarYear year(Actor actor, @RequestParam(required = false) Integer year) {
        return days.year(actor, year);
    }

    @PutMapping(path = "/{date}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public CalendarDay set(Actor actor, @PathVariable String date, @RequestBody DayRequest request) {
        return days.set(actor, CalendarParams.date(date), request.kind(), request.name());
    }

    @DeleteMapping("/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void remove(Actor actor, @PathVariable String date) {
        days.remove(actor, CalendarParams.date(date));
    }

    /**
     * Replaces the year with a CSV of {@code date,kind,name} lines (kind HOLIDAY/WORKDAY or 休/班), read as UTF-8
     * unless the content type names another charset: text/csv would otherwise default to ISO-8859-1 and turn every
     * Chinese name into mojibake.
     */
    @PostMapping(
            path = "/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    public CalendarYear importCsv(
            Actor actor,
            @RequestParam int year,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type,
            @RequestBody(required = false) byte[] csv) {
        Charset charset = type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        return days.importCsv(actor, year, csv == null ? "" : new String(csv, charset));
    }

    /** Replaces the year with a JSON array of {@code {date, kind, name}}; errors name rows from 1. */
    @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    public CalendarYear importJson(Actor actor, @RequestParam int year, @RequestBody List<DayRequest> rows) {
        List<CalendarImportRow> numbered = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            DayRequest r = rows.get(i);
            numbered.add(
                    r == null
                            ? new CalendarImportRow(i + 1, null, null, null)
                            : new CalendarImportRow(i + 1, r.date(), r.kind(), r.name()));
        }
        return days.importRows(actor, year, numbered);
    }
}
