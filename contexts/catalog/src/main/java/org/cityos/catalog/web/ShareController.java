package org.cityos.catalog.web;

import java.net.URI;
import java.util.List;
import org.cityos.catalog.ShareDecision;
import org.cityos.catalog.ShareDraft;
import org.cityos.catalog.ShareRequest;
import org.cityos.catalog.Sharing;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sharing requests over HTTP: ask for a resource's fields, decide (approve, narrow, refuse), read. */
@RestController
@RequestMapping(path = "/api/catalog/shares", produces = MediaType.APPLICATION_JSON_VALUE)
public class ShareController {
    private final Sharing sharing;

    public ShareController(Sharing sharing) {
        this.sharing = sharing;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ShareRequest> request(Actor actor, @RequestBody ShareDraft draft) {
        ShareRequest created = sharing.request(actor, draft);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/catalog/shares/" + created.id()))
                .body(created);
    }

    @PostMapping(path = "/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ShareRequest decide(Actor actor, @PathVariable String id, @RequestBody ShareDecision decision) {
        return sharing.decide(actor, id, decision);
    }

    @GetMapping("/{id}")
    public ShareRequest get(Actor actor, @PathVariable String id) {
        return sharing.get(actor, id);
    }

    @GetMapping
    public List<ShareRequest> list(
            Actor actor,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        return sharing.list(actor, PageRequest.of(offset, limit));
    }
}
