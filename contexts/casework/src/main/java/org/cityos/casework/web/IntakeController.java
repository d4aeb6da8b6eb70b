package org.cityos.casework.web;

import static org.cityos.casework.web.CaseParams.enumOf;
import static org.cityos.casework.web.CaseParams.point;

import org.cityos.casework.CaseIntake;
import org.cityos.casework.Channel;
import org.cityos.casework.IntakeResult;
import org.cityos.casework.NewCase;
import org.cityos.casework.RequestType;
import org.cityos.casework.Urgency;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Intake from the authenticated channels: the 12345 call-centre system (external id = its ticket number), grid
 * workers' reports from the street, and operators' entry. 201 for a new case, 200 when the external id was known.
 */
@RestController
@RequestMapping(path = "/api/casework/intake", produces = MediaType.APPLICATION_JSON_VALUE)
public class IntakeController {
    /** A hotline ticket as the call-centre system sends it. */
    public record HotlineCall(
            String ticket,
            String requestType,
            String title,
            String content,
            String category,
            String urgency,
            String address,
            Double lon,
            Double lat,
            String callerName,
            String callerPhone,
            String answer) {}

    /** A grid worker's report: where (GPS), what, which category; photos follow as attachments. */
    public record GridReport(
            String reportId,
            String title,
            String content,
            String category,
            String urgency,
            Double lon,
            Double lat,
            String address) {}

    /** An operator's entry of a request that came by walk-in, letter or another way. */
    public record OperatorEntry(
            String requestType,
            String title,
            String content,
            String category,
            String urgency,
            String address,
            Double lon,
            Double lat,
            String callerName,
            String callerPhone,
            String answer) {}

    private final CaseIntake intake;

    public IntakeController(CaseIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/hotline")
    public ResponseEntity<IntakeResult> hotline(Actor actor, @RequestBody HotlineCall call) {
        return answer(intake.receive(
                actor,
                new NewCase(
                        Channel.HOTLINE,
                        call.ticket(),
                        enumOf(RequestType.class, "requestType", call.requestType(), RequestType.HELP),
                        call.title(),
                        call.content(),
                        call.category(),
                        enumOf(Urgency.class, "urgency", call.urgency(), Urgency.ROUTINE),
                        call.address(),
                        point("point", call.lon(), call.lat()),
                        call.callerName(),
                        call.callerPhone(),
                        null,
                        call.answer())));
    }

    @PostMapping("/grid")
    public ResponseEntity<IntakeResult> grid(Actor actor, @RequestBody GridReport report) {
        if (report.lon() == null || report.lat() == null) {
            throw InvalidInput.of("point", "validation.required");
        }
        return answer(intake.receive(
                actor,
                new NewCase(
                        Channel.GRID,
                        report.reportId(),
                        RequestType.INCIDENT,
                        report.title(),
                        report.content(),
                        report.category(),
                        enumOf(Urgency.class, "urgency", report.urgency(), Urgency.ROUTINE),
                        report.address(),
                        point("point", report.lon(), report.lat()),
                        null,
                        null,
                        null,
                        null)));
    }

    @PostMapping("/operator")
    public ResponseEntity<IntakeResult> operator(Actor actor, @RequestBody OperatorEntry entry) {
        return answer(intake.receive(
                actor,
                new NewCase(
                        Channel.OPERATOR,
                        null,
                        enumOf(RequestType.class, "requestType", entry.requestType(), RequestType.HELP),
                        entry.title(),
                        entry.content(),
                        entry.category(),
                        enumOf(Urgency.class, "urgency", entry.urgency(), Urgency.ROUTINE),
                        entry.address(),
                        point("point", entry.lon(), entry.lat()),
                        entry.callerName(),
                        entry.callerPhone(),
                        null,
                        entry.answer())));
    }

    private static ResponseEntity<IntakeResult> answer(IntakeResult result) {
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(result);
    }
}
