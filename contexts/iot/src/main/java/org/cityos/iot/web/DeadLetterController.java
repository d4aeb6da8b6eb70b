package org.cityos.iot.web;

import org.cityos.iot.DeadLetter;
import org.cityos.iot.DeadLetters;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dead-letter store: list (status, reason, device), one letter with its raw payload, replay, discard. */
@RestController
@RequestMapping(path = "/api/iot/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
public class DeadLetterController {
    private final DeadLetters letters;

    public DeadLetterController(DeadLetters letters) {
        this.letters = letters;
    }

    @GetMapping
    public Page<DeadLetter> list(
            Actor actor,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String device,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        return letters.list(
                actor, status, reason, device == null ? null : DeviceParams.id(device), PageRequest.of(offset, limit));
    }

    @GetMapping("/{id}")
    public DeadLetter get(Actor actor, @PathVariable long id) {
        return letters.get(actor, id);
    }

    @PostMapping("/{id}/replay")
    public DeadLetters.Replay replay(Actor actor, @PathVariable long id) {
        return letters.replay(actor, id);
    }

    @PostMapping("/{id}/discard")
    public DeadLetter discard(Actor actor, @PathVariable long id, @RequestParam(required = false) String note) {
        return letters.discard(actor, id, note);
    }
}
