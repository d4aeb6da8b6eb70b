package org.cityos.catalog.web;

import java.net.URI;
import java.util.List;
import org.cityos.catalog.Grants;
import org.cityos.catalog.ShareCall;
import org.cityos.catalog.ShareDecision;
import org.cityos.catalog.ShareDraft;
import org.cityos.catalog.ShareGrant;
import org.cityos.catalog.ShareKey;
import org.cityos.catalog.ShareRequest;
import org.cityos.catalog.ShareSource;
import org.cityos.catalog.Sharing;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sharing requests over HTTP: ask for a resource's fields, decide (approve, narrow, refuse), read; then the grant:
 * its key, its revocation, its call log, and which source serves a resource.
 */
@RestController
@RequestMapping(path = "/api/catalog/shares", produces = MediaType.APPLICATION_JSON_VALUE)
public class ShareController {
    private final Sharing sharing;
    private final Grants grants;

    public ShareController(Sharing sharing, Grants grants) {
        this.sharing = sharing;
        this.grants = grants;
    }

    /** The reason a provider gives to revoke. */
    public record Revocation(String reason) {}

    /** The source a provider names for a resource. */
    public record SourceBinding(String source) {}

    @GetMapping("/{id}/grant")
    public ShareGrant grant(Actor actor, @PathVariable String id) {
        return grants.get(actor, id);
    }

    /** Issues the grant's key (replacing any earlier one): the only time it is shown. */
    @PostMapping("/{id}/key")
    public ResponseEntity<ShareKey> issueKey(Actor actor, @PathVariable String id) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Cache-Control", "no-store")
                .body(grants.issueKey(actor, id));
    }

    @PostMapping(path = "/{id}/revocation", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ShareGrant revoke(Actor actor, @PathVariable String id, @RequestBody Revocation revocation) {
        return grants.revoke(actor, id, revocation.reason());
    }

    @GetMapping("/{id}/calls")
    public List<ShareCall> calls(
            Actor actor,
            @PathVariable String id,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        return grants.calls(actor, id, PageRequest.of(offset, limit));
    }

    @GetMapping("/sources")
    public List<ShareSource> sources(Actor actor) {
        return grants.sources(actor);
    }

    @PutMapping(path = "/sources/{resourceCode}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Void> bindSource(
            Actor actor, @PathVariable String resourceCode, @RequestBody SourceBinding binding) {
        grants.bindSource(actor, resourceCode, binding.source());
        return ResponseEntity.noContent().build();
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
