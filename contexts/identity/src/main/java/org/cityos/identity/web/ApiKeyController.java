package org.cityos.identity.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cityos.identity.ApiKey;
import org.cityos.identity.ApiKeys;
import org.cityos.identity.IssuedApiKey;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API keys for machine clients: create (secret shown once), list, revoke. */
@RestController
@RequestMapping("/api/api-keys")
public class ApiKeyController {
    private final ApiKeys keys;

    public ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    /** Body of a key creation. */
    public record KeyRequest(String name, ScopeRequest scope, Instant expiresAt) {}

    /** A key as listed. */
    public record KeyView(
            UUID id,
            String name,
            String prefix,
            ScopeRequest scope,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt) {
        static KeyView of(ApiKey k) {
            return new KeyView(
                    k.id(),
                    k.name(),
                    k.prefix(),
                    ScopeRequest.of(k.scope()),
                    k.createdAt(),
                    k.expiresAt(),
                    k.revokedAt());
        }
    }

    /** A new key with its secret. */
    public record Issued(KeyView key, String secret) {}

    @GetMapping
    public List<KeyView> list(Actor actor) {
        return keys.list(actor).stream().map(KeyView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Issued create(Actor actor, @RequestBody KeyRequest r) {
        if (r.scope() == null) {
            throw InvalidInput.of("scope", "validation.required");
        }
        IssuedApiKey issued = keys.create(actor, r.name(), r.scope().toScope(), r.expiresAt());
        return new Issued(KeyView.of(issued.key()), issued.secret());
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> revoke(Actor actor, @PathVariable String id) {
        UUID parsed;
        try {
            parsed = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("id", "problem.invalid-api-key-id", id);
        }
        keys.revoke(actor, parsed);
        return ResponseEntity.noContent().build();
    }
}
