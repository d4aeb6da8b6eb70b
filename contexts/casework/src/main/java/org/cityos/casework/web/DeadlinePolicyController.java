package org.cityos.casework.web;

import java.util.List;
import org.cityos.casework.CaseDeadlines;
import org.cityos.casework.DeadlinePolicies;
import org.cityos.casework.DeadlinePolicy;
import org.cityos.casework.DeadlinePolicyDraft;
import org.cityos.kernel.access.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deadline policies over HTTP, each named by urgency (path) and category prefix ({@code ?categoryPrefix=}, absent
 * or empty for the default). Changes carry the version read, as If-Match or {@code version}; stale ones get 409.
 */
@RestController
@RequestMapping(path = "/api/casework/deadline-policies", produces = MediaType.APPLICATION_JSON_VALUE)
public class DeadlinePolicyController {
    private final DeadlinePolicies policies;

    public DeadlinePolicyController(DeadlinePolicies policies) {
        this.policies = policies;
    }

    /** The body of PUT: limits like {@code 2h}, {@code 15wd}; warnBefore {@code 0.2} or {@code 4wh}. */
    public record PolicyRequest(String response, String resolution, String warnBefore, Integer version) {}

    @GetMapping
    public List<DeadlinePolicy> list(Actor actor) {
        return policies.list(actor);
    }

    /** The deadlines a case would get: {@code ?category=&urgency=&start=} (start defaults to now). */
    @GetMapping("/preview")
    public CaseDeadlines preview(
            Actor actor,
            @RequestParam(required = false) String category,
            @RequestParam String urgency,
            @RequestParam(required = false) String start) {
        return policies.preview(
                actor, category, CalendarParams.urgency(urgency), CalendarParams.instant("start", start));
    }

    @GetMapping("/{urgency}")
    public ResponseEntity<DeadlinePolicy> get(
            Actor actor, @PathVariable String urgency, @RequestParam(defaultValue = "") String categoryPrefix) {
        DeadlinePolicy p = policies.get(actor, categoryPrefix, CalendarParams.urgency(urgency));
        return ResponseEntity.ok().eTag(CalendarParams.etag(p.version())).body(p);
    }

    @PutMapping(path = "/{urgency}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DeadlinePolicy> put(
            Actor actor,
            @PathVariable String urgency,
            @RequestParam(defaultValue = "") String categoryPrefix,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody PolicyRequest request) {
        DeadlinePolicy p = policies.put(
                actor,
                categoryPrefix,
                CalendarParams.urgency(urgency),
                new DeadlinePolicyDraft(request.response(), request.resolution(), request.warnBefore()),
                CalendarParams.version(request.version(), ifMatch));
        return ResponseEntity.ok().eTag(CalendarParams.etag(p.version())).body(p);
    }

    @DeleteMapping("/{urgency}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(
            Actor actor,
            @PathVariable String urgency,
            @RequestParam(defaultValue = "") String categoryPrefix,
            @RequestParam(required = false) Integer version,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        policies.delete(
                actor, categoryPrefix, CalendarParams.urgency(urgency), CalendarParams.version(version, ifMatch));
    }
}
