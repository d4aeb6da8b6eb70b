package org.cityos.casework.web;

import static org.cityos.casework.web.CaseParams.enumOf;
import static org.cityos.casework.web.CaseParams.id;
import static org.cityos.casework.web.CaseParams.version;

import java.util.ArrayList;
import java.util.List;
import org.cityos.casework.Case;
import org.cityos.casework.CaseFilter;
import org.cityos.casework.CaseStatus;
import org.cityos.casework.Cases;
import org.cityos.casework.Channel;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The case desk's reads: search within scope, a case with its timeline (ETag = version), the caller for callback. */
@RestController
@RequestMapping(path = "/api/casework/cases", produces = MediaType.APPLICATION_JSON_VALUE)
public class CaseController {
    private final Cases cases;

    public CaseController(Cases cases) {
        this.cases = cases;
    }

    @GetMapping
    public Page<Case> search(
            Actor actor,
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        List<CaseStatus> statuses = new ArrayList<>();
        for (String s : status == null ? List.<String>of() : status) {
            for (String part : s.split(",")) {
                statuses.add(enumOf(CaseStatus.class, "status", part, null));
            }
        }
        if (division != null && !division.matches("\\d{1,15}")) {
            throw InvalidInput.of("division", "problem.case-bad-value", division);
        }
        return cases.search(
                actor,
                new CaseFilter(
                        statuses,
                        enumOf(Channel.class, "channel", channel, null),
                        category,
                        division,
                        unit,
                        overdue,
                        q,
                        CaseParams.instant("from", from),
                        CaseParams.instant("to", to)),
                PageRequest.of(offset, limit));
    }

    @GetMapping("/{id}")
    public ResponseEntity<Case> get(Actor actor, @PathVariable String id) {
        Case c = cases.get(actor, id(id));
        return ResponseEntity.ok().eTag("\"" + c.version() + "\"").body(c);
    }

    @GetMapping("/by-number/{number}")
    public Case byNumber(Actor actor, @PathVariable String number) {
        return cases.byNumber(actor, number);
    }

    /** The caller unmasked for a follow-up call; needs the callback permission and is audited. */
    @GetMapping("/{id}/caller")
    public Case.Caller caller(Actor actor, @PathVariable String id) {
        return cases.caller(actor, id(id));
    }

    static Integer ifMatch(String header) {
        return version(header);
    }
}
