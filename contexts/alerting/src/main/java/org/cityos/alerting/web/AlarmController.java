package org.cityos.alerting.web;

import java.util.List;
import org.cityos.alerting.Alarm;
import org.cityos.alerting.AlarmFilter;
import org.cityos.alerting.AlarmSummary;
import org.cityos.alerting.Alarms;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Alarms: search and history, the cockpit's counts, and acknowledge / clear / resolve. */
@RestController
@RequestMapping(path = "/api/alerting/alarms", produces = MediaType.APPLICATION_JSON_VALUE)
public class AlarmController {
    private final Alarms alarms;

    public AlarmController(Alarms alarms) {
        this.alarms = alarms;
    }

    @GetMapping
    public Page<Alarm> search(
            Actor actor,
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<String> severity,
            @RequestParam(required = false) String rule,
            @RequestParam(required = false) String device,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        if (division != null && !DivisionCode.isValid(division)) {
            throw InvalidInput.of("division", "alerting.param.division", division);
        }
        return alarms.search(
                actor,
                new AlarmFilter(
                        Params.statuses(status),
                        Params.severities(severity),
                        rule == null ? null : Params.rule(rule),
                        device,
                        division,
                        Params.instant("from", from),
                        Params.instant("to", to),
                        q),
                PageRequest.of(offset, limit));
    }

    @GetMapping("/summary")
    public AlarmSummary summary(Actor actor) {
        return alarms.summary(actor);
    }

    @GetMapping("/{id}")
    public Alarm get(Actor actor, @PathVariable String id) {
        return alarms.get(actor, Params.alarm(id));
    }

    /** The note the operator leaves with an action. */
    public record Note(String note) {}

    @PostMapping("/{id}/acknowledge")
    public Alarm acknowledge(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) Note note) {
        return alarms.acknowledge(actor, Params.alarm(id), Params.version(ifMatch), note == null ? null : note.note());
    }

    @PostMapping("/{id}/clear")
    public Alarm clear(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) Note note) {
        return alarms.clear(actor, Params.alarm(id), Params.version(ifMatch), note == null ? null : note.note());
    }

    @PostMapping("/{id}/resolve")
    public Alarm resolve(
            Actor actor,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) Note note) {
        return alarms.resolve(actor, Params.alarm(id), Params.version(ifMatch), note == null ? null : note.note());
    }
}
