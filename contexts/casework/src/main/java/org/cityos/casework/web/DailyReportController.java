package org.cityos.casework.web;

import static org.cityos.casework.web.ReportParams.choice;

import java.time.Clock;
import java.time.LocalDate;
import org.cityos.casework.DailyReports;
import org.cityos.casework.RatePeriod;
import org.cityos.kernel.access.Actor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The daily operations report (日报) of a Beijing day as JSON figures, an Excel workbook or a PDF. */
@RestController
public class DailyReportController {
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** The forms the report comes in. */
    enum Format {
        JSON,
        XLSX,
        PDF
    }

    private final DailyReports reports;
    private final Clock clock;

    public DailyReportController(DailyReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** {@code date} defaults to yesterday: the last whole day. */
    @GetMapping("/api/casework/reports/daily")
    public ResponseEntity<?> daily(
            Actor actor, @RequestParam(required = false) String date, @RequestParam(required = false) String format) {
        LocalDate day = ReportParams.date(
                "date", date, LocalDate.now(clock.withZone(RatePeriod.ZONE)).minusDays(1));
        Format as = choice(Format.class, "format", format, Format.JSON);
        return switch (as) {
            case JSON ->
                ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(reports.figures(actor, day));
            case XLSX -> file(reports.excel(actor, day), XLSX, "daily-" + day + ".xlsx");
            case PDF -> file(reports.pdf(actor, day), MediaType.APPLICATION_PDF, "daily-" + day + ".pdf");
        };
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(bytes);
    }
}
