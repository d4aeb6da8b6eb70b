package org.cityos.outbox.web;

import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.ProblemKind;
import org.cityos.outbox.OutboxAdmin;
import org.cityos.outbox.OutboxStats;
import org.cityos.outbox.ParkedDelivery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Parked event deliveries made visible and retryable; needs EVENT_ADMIN. */
@RestController
@RequestMapping("/api/events")
public class EventAdminController {
    private final OutboxAdmin admin;

    /** The delivery exists but is not parked, so there is nothing to retry. */
    static final class NotParked extends DomainProblem {
        NotParked(long id) {
            super(ProblemKind.CONFLICT, "delivery-not-parked", "problem.delivery-not-parked", id);
        }
    }

    public EventAdminController(OutboxAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/stats")
    public OutboxStats stats(Actor actor) {
        actor.require(Permission.EVENT_ADMIN);
        return admin.stats();
    }

    @GetMapping("/parked")
    public Page<ParkedDelivery> parked(
            Actor actor,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        actor.require(Permission.EVENT_ADMIN);
        return admin.parked(PageRequest.of(offset, limit));
    }

    @PostMapping("/parked/{id}/retry")
    public ResponseEntity<Void> retry(Actor actor, @PathVariable String id) {
        actor.require(Permission.EVENT_ADMIN);
        long deliveryId;
        try {
            deliveryId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw InvalidInput.of("id", "validation.Pattern");
        }
        if (!admin.retry(deliveryId)) {
            throw new NotParked(deliveryId);
        }
        return ResponseEntity.accepted().build();
    }
}
