package org.cityos.iot.web;

import java.util.List;
import org.cityos.iot.Integration;
import org.cityos.iot.IntegrationCredential;
import org.cityos.iot.IntegrationDraft;
import org.cityos.iot.Integrations;
import org.cityos.kernel.access.Actor;
import org.springframework.http.CacheControl;
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

/** Managing platform integrations; the token appears only in the create and rotate responses. */
@RestController
@RequestMapping(path = "/api/iot/integrations", produces = MediaType.APPLICATION_JSON_VALUE)
public class IntegrationController {
    private final Integrations integrations;

    public IntegrationController(Integrations integrations) {
        this.integrations = integrations;
    }

    @GetMapping
    public List<Integration> list(Actor actor) {
        return integrations.list(actor);
    }

    @GetMapping("/{id}")
    public Integration get(Actor actor, @PathVariable String id) {
        return integrations.get(actor, id);
    }

    @PostMapping
    public ResponseEntity<IntegrationCredential> create(Actor actor, @RequestBody IntegrationDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(integrations.create(actor, draft));
    }

    @PutMapping("/{id}")
    public Integration change(
            Actor actor, @PathVariable String id, @RequestParam int version, @RequestBody IntegrationDraft draft) {
        return integrations.change(actor, id, version, draft);
    }

    @PostMapping("/{id}/token")
    public ResponseEntity<IntegrationCredential> rotate(Actor actor, @PathVariable String id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(integrations.rotate(actor, id));
    }
}
