package org.cityos.casework.web;

import static org.cityos.casework.web.CaseParams.enumOf;
import static org.cityos.casework.web.CaseParams.id;
import static org.cityos.casework.web.CaseParams.point;
import static org.cityos.casework.web.CaseParams.unit;
import static org.cityos.casework.web.CaseParams.units;
import static org.cityos.casework.web.CaseParams.version;

import java.util.List;
import java.util.function.Supplier;
import org.cityos.casework.Case;
import org.cityos.casework.CaseCommands;
import org.cityos.casework.CaseDispatch;
import org.cityos.casework.CaseHandling;
import org.cityos.casework.CaseId;
import org.cityos.casework.CaseIntake;
import org.cityos.casework.CaseSupervision;
import org.cityos.casework.CaseVerification;
import org.cityos.casework.Cases;
import org.cityos.casework.IntakeResult;
import org.cityos.casework.Satisfaction;
import org.cityos.casework.Urgency;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.NotFound;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every transition of a case as its own POST; {@code If-Match} carries the version read (a stale one is a 409), and
 * the answer is the case as it now stands.
 */
@RestController
@RequestMapping(path = "/api/casework/cases/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
public class CaseActionController {
    public record Dispatch(String unit, List<String> coUnits, String note) {}

    public record Note(String note) {}

    public record Reason(String reason) {}

    public record PassDown(String unit, String note) {}

    public record CoHandlers(List<String> units, String note) {}

    public record Reply(String reply) {}

    public record Verify(Boolean passed, Boolean solved, String satisfaction, Double lon, Double lat, String note) {}

    public record Answer(String answer) {}

    public record Categorise(String categoryCode, String urgency, String note) {}

    public record Merge(String into, String note) {}

    public record Split(List<CaseCommands.SplitCase.Part> parts, String note) {}

    private final Cases cases;
    private final CaseIntake intake;
    private final CaseDispatch dispatch;
    private final CaseHandling handling;
    private final CaseVerification verification;
    private final CaseSupervision supervision;

    public CaseActionController(
            Cases cases,
            CaseIntake intake,
            CaseDispatch dispatch,
            CaseHandling handling,
            CaseVerification verification,
            CaseSupervision supervision) {
        this.cases = cases;
        this.intake = intake;
        this.dispatch = dispatch;
        this.handling = handling;
        this.verification = verification;
        this.supervision = supervision;
    }

    @PostMapping("/dispatch")
    public Case dispatch(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String v,
            @RequestBody Dispatch body) {
        return then(
                actor,
                () -> dispatch.dispatch(
                        actor,
                        id(id),
                        version(v),
                        new CaseCommands.DispatchCase(
                                unit("unit", body.unit()), units("coUnits", body.coUnits()), body.note())));
    }

    @PostMapping("/sign")
    public Case sign(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String v,
            @RequestBody(required = false) Note body) {
        return then(actor, () -> dispatch.sign(actor, id(id), version(v), new CaseCommands.SignCase(note(body))));
    }

    @PostMapping("/return")
    public Case returnCase(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String v,
            @RequestBody Reason body) {
        return then(
                actor,
                () -> dispatch.returnCase(actor, id(id), version(v), new CaseCommands.ReturnCase(body.reason())));
    }

    @PostMapping("/pass-down")
    public Case passDown(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String v,
            @RequestBody PassDown body) {
        return then(
                actor,
                () -> dispatch.passDown(
                        actor,
                        id(id),
                        version(v),
                        new CaseCommands.PassCaseDown(unit("unit", body.unit()), body.note())));
    }

    @PostMapping("/co-handlers")
    public Case coHandlers(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String v,
            @RequestBody CoHandlers body) {
        return then(
                actor,
                () -> dispatch.addCoHandlers(
                        actor,
                        id(id),
                        version(v),
                        new CaseCommands.AddCoHandlers(units("units", body.units()), body.note())));
    }

    @PostMapping("/start")
    public Case start(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String v,
            @RequestBody(required = false) Note body) {
        return then(actor, () -> handling.start(actor, id(id), version(v), new CaseCommands.StartHandling(note(body))));
    }

    @PostMapping("/reply")
    public Case reply(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String v,
            @RequestBody Reply body) {
        return then(actor, () -> handling.reply(actor, id(id), version(v), new CaseCommands.ReplyToCase(body.reply())));
    }

    @PostMapping("/verify")
    public Case verify(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String v,
            @RequestBody Verify body) {
        return then(
                actor,
                () -> verification.verify(
                        actor,
                        id(id),
                        version(v),
                        new CaseCommands.VerifyCase(
                                !Boolean.FALSE.equals(body.passed()),
                                body.solved(),
                                enumOf(Satisfaction.class, "satisfaction", body.satisfaction(), null),
                                point("point", body.lon(), body.lat()),
                                body.note())));
    }

    @PostMapping("/close")
    public Case close(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String v,
            @RequestBody(required = false) Note body) {
        return then(actor, () -> verification.close(actor, id(id), version(v), new CaseCommands.CloseCase(note(body))));
    }

    @PostMapping("/reopen")
    public Case reopen(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String v,
            @RequestBody Reason body) {
        return then(
                actor,
                () -> verification.reopen(actor, id(id), version(v), new CaseCommands.ReopenCase(body.reason())));
    }

    @PostMapping("/suspend")
    public Case suspend(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String v,
            @RequestBody Reason body) {
        return then(
                actor,
                () -> supervision.suspend(actor, id(id), version(v), new CaseCommands.SuspendCase(body.reason())));
    }

    @PostMapping("/resume")
    public Case resume(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String v,
            @RequestBody(required = false) Note body) {
        return then(
                actor, () -> supervision.resume(actor, id(id), version(v), new CaseCommands.ResumeCase(note(body))));
    }

    @PostMapping("/supervise")
    public Case supervise(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String v,
            @RequestBody Note body) {
        return then(
                actor,
                () -> supervision.supervise(actor, id(id), version(v), new CaseCommands.SuperviseCase(body.note())));
    }

    @PostMapping("/answer")
    public Case answer(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String v,
            @RequestBody Answer body) {
        return then(
                actor,
                () -> intake.answer(actor, id(id), version(v), new CaseCommands.AnswerConsultation(body.answer())));
    }

    @PostMapping("/categorise")
    public Case categorise(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String v,
            @RequestBody Categorise body) {
        return then(
                actor,
                () -> intake.categorise(
                        actor,
                        id(id),
                        version(v),
                        new CaseCommands.CategoriseCase(
                                body.categoryCode(),
                                enumOf(Urgency.class, "urgency", body.urgency(), null),
                                body.note())));
    }

    @PostMapping("/merge")
    public Case merge(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String v,
            @RequestBody Merge body) {
        CaseId into = CaseId.parse(body.into()).orElseThrow(() -> new NotFound("case", body.into()));
        return then(
                actor,
                () -> supervision.merge(actor, id(id), version(v), new CaseCommands.MergeCase(into, body.note())));
    }

    @PostMapping("/split")
    public List<IntakeResult> split(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String v,
            @RequestBody Split body) {
        return intake.split(actor, id(id), version(v), new CaseCommands.SplitCase(body.parts(), body.note()));
    }

    private Case then(Actor actor, Supplier<CaseId> command) {
        return cases.after(actor, command);
    }

    private static String note(Note body) {
        return body == null ? null : body.note();
    }
}
