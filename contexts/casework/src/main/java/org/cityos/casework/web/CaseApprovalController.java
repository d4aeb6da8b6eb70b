package org.cityos.casework.web;

import static org.cityos.casework.web.CaseParams.id;
import static org.cityos.casework.web.CaseParams.version;

import java.util.List;
import org.cityos.casework.Case;
import org.cityos.casework.CaseApprovals;
import org.cityos.casework.CaseCommands;
import org.cityos.casework.Cases;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;
import org.cityos.workflow.Approval;
import org.cityos.workflow.ApprovalId;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Extension requests and appeals: a unit asks, the centre decides; both on the shared workflow engine. */
@RestController
public class CaseApprovalController {
    public record Extension(Integer workingDays, String reason) {}

    public record Appeal(String reason) {}

    public record Decision(Boolean approve, Integer workingDays, String note) {}

    private final CaseApprovals approvals;
    private final Cases cases;

    public CaseApprovalController(CaseApprovals approvals, Cases cases) {
        this.approvals = approvals;
        this.cases = cases;
    }

    @PostMapping(path = "/api/casework/cases/{id}/extension", produces = MediaType.APPLICATION_JSON_VALUE)
    public Case extension(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String v,
            @RequestBody Extension body) {
        if (body.workingDays() == null) {
            throw InvalidInput.of("workingDays", "validation.required");
        }
        return cases.after(
                actor,
                () -> approvals.requestExtension(
                        actor,
                        id(id),
                        version(v),
                        new CaseCommands.RequestExtension(body.workingDays(), body.reason())));
    }

    @PostMapping(path = "/api/casework/cases/{id}/appeal", produces = MediaType.APPLICATION_JSON_VALUE)
    public Case appeal(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String v,
            @RequestBody Appeal body) {
        return cases.after(
                actor, () -> approvals.appeal(actor, id(id), version(v), new CaseCommands.AppealCase(body.reason())));
    }

    @GetMapping(path = "/api/casework/cases/{id}/approvals", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Approval> ofCase(Actor actor, @PathVariable String id) {
        return approvals.ofCase(actor, id(id));
    }

    @GetMapping(path = "/api/casework/approvals", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Approval> pending(Actor actor, @RequestParam(required = false) String kind) {
        String k = kind == null || kind.equals("extension")
                ? CaseApprovals.EXTENSION
                : kind.equals("appeal") ? CaseApprovals.APPEAL : null;
        if (k == null) {
            throw InvalidInput.of("kind", "problem.case-bad-value", kind);
        }
        return approvals.pending(actor, k);
    }

    @PostMapping(path = "/api/casework/approvals/{id}/decide", produces = MediaType.APPLICATION_JSON_VALUE)
    public Approval decide(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String v,
            @RequestBody Decision body) {
        if (body.approve() == null) {
            throw InvalidInput.of("approve", "validation.required");
        }
        ApprovalId approval = ApprovalId.parse(id).orElseThrow(() -> new NotFound("approval", id));
        return approvals.decide(
                actor, approval, version(v), new CaseCommands.Decide(body.approve(), body.workingDays(), body.note()));
    }
}
