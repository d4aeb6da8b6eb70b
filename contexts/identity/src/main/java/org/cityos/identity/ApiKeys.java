package org.cityos.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cityos.audit.AuditTrail;
import org.cityos.identity.IdentityProblems.UnknownApiKey;
import org.cityos.identity.internal.CredentialCache;
import org.cityos.identity.internal.Secrets;
import org.cityos.identity.persistence.ApiKeyRepository;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** API keys for machine clients: random, shown once, stored as a digest, scoped no wider than their creator. */
@Service
public class ApiKeys {
    static final String KEY_PREFIX = "cok_";
    private final ApiKeyRepository keys;
    private final ScopeCheck scopes;
    private final CredentialCache cache;
    private final AuditTrail audit;
    private final Clock clock;

    ApiKeys(ApiKeyRepository keys, ScopeCheck scopes, CredentialCache cache, AuditTrail audit, Clock clock) {
        this.keys = keys;
        this.scopes = scopes;
        this.cache = cache;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public IssuedApiKey create(Actor actor, String name, Scope scope, Instant expiresAt) {
        actor.require(Permission.API_KEY_MANAGE);
        if (name == null || name.isBlank() || name.length() > 100) {
            throw InvalidInput.of("name", "validation.required");
        }
        var issues = scopes.issues(scope);
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw InvalidInput.of("expiresAt", "problem.expiry-in-past");
        }
        scopes.requireGrantable(actor, scope);
        String secret = Secrets.token(KEY_PREFIX);
        UUID creator = actor.kind() == ActorKind.USER ? UUID.fromString(actor.id()) : null;
        ApiKey key = new ApiKey(
                UUID.randomUUID(),
                name.strip(),
                secret.substring(0, 12),
                scope,
                creator,
                clock.instant(),
                expiresAt,
                null);
        keys.insert(key, Secrets.digest(secret));
        audit.record(
                actor,
                "identity.api-key.create",
                "api-key",
                key.id().toString(),
                Map.of("name", key.name(), "roles", Users.roleNames(scope)));
        return new IssuedApiKey(key, secret);
    }

    public List<ApiKey> list(Actor actor) {
        actor.require(Permission.API_KEY_MANAGE);
        return keys.all().stream().filter(k -> k.scope().visibleTo(actor)).toList();
    }

    @Transactional
    public void revoke(Actor actor, UUID id) {
        actor.require(Permission.API_KEY_MANAGE);
        ApiKey key = keys.find(id).filter(k -> k.scope().visibleTo(actor)).orElseThrow(() -> new UnknownApiKey(id));
        if (keys.revoke(key.id(), clock.instant())) {
            audit.record(actor, "identity.api-key.revoke", "api-key", id.toString(), Map.of());
        }
        cache.clear();
    }

    public Optional<Authenticated> authenticate(String secret) {
        String cacheKey = "k:" + HexFormat.of().formatHex(Secrets.digest(secret));
        Optional<Authenticated> cached = cache.get(cacheKey);
        if (cached.isPresent()) {
            return cached;
        }
        Instant now = clock.instant();
        Optional<Authenticated> resolved = keys.live(Secrets.digest(secret), now)
                .map(k -> new Authenticated(
                        new Actor(
                                "apikey:" + k.id(),
                                ActorKind.API_KEY,
                                k.name(),
                                k.scope().roles(),
                                k.scope().divisions(),
                                k.scope().departments(),
                                k.scope().allDepartments()),
                        false,
                        k.expiresAt() == null ? Instant.MAX : k.expiresAt()));
        resolved.ifPresent(a -> cache.put(cacheKey, a));
        return resolved;
    }
}
