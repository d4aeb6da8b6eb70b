package org.cityos.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.cityos.audit.AuditTrail;
import org.cityos.identity.IdentityProblems.AccountLocked;
import org.cityos.identity.IdentityProblems.InvalidCredentials;
import org.cityos.identity.internal.CredentialCache;
import org.cityos.identity.internal.Secrets;
import org.cityos.identity.persistence.SessionRepository;
import org.cityos.identity.persistence.UserRepository;
import org.cityos.identity.persistence.UserRepository.Credentials;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password sign-in with lock-out, session tokens (stored as digests) and their resolution to an
 * {@link Actor}. A failed attempt is counted and audited even though the call fails.
 */
@Service
public class SignIn {
    static final String TOKEN_PREFIX = "cos_";
    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordEncoder passwords;
    private final CredentialCache cache;
    private final AuditTrail audit;
    private final IdentityProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String dummyHash;

    SignIn(
            UserRepository users,
            SessionRepository sessions,
            PasswordEncoder passwords,
            CredentialCache cache,
            AuditTrail audit,
            IdentityProperties properties,
            TransactionTemplate tx,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.cache = cache;
        this.audit = audit;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
        this.dummyHash = passwords.encode(Secrets.oneTimePassword());
    }

    public SignedIn login(String username, String password) {
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        Optional<Credentials> found = name.isEmpty() ? Optional.empty() : users.credentials(name);
        if (found.isEmpty() || password == null) {
            passwords.matches(password == null ? "" : password, dummyHash); // same cost whether or not the user exists
            throw new InvalidCredentials();
        }
        Credentials c = found.get();
        Instant now = clock.instant();
        if (c.user().lockedAt(now)) {
            throw new AccountLocked(c.user().lockedUntil());
        }
        if (!passwords.matches(password, c.passwordHash()) || !c.user().enabled()) {
            Instant lockedUntil = tx.execute(status -> recordFailure(c, now));
            if (lockedUntil != null) {
                throw new AccountLocked(lockedUntil);
            }
            throw new InvalidCredentials();
        }
        String token = Secrets.token(TOKEN_PREFIX);
        Instant expires = now.plus(properties.sessionTtl());
        tx.executeWithoutResult(status -> {
            users.recordSuccess(c.user().id().value(), now);
            sessions.insert(Secrets.digest(token), c.user().id(), now, expires);
            audit.record(
                    actorOf(c.user()),
                    "identity.session.sign-in",
                    "user",
                    c.user().id().toString(),
                    Map.of());
        });
        return new SignedIn(token, expires, c.user());
    }

    private Instant recordFailure(Credentials c, Instant now) {
        boolean inWindow = c.lastFailedAt() != null
                && c.lastFailedAt().plus(properties.failureWindow()).isAfter(now);
        int failures = inWindow ? c.failedLogins() + 1 : 1;
        Instant lockedUntil = failures >= properties.maxFailedLogins() ? now.plus(properties.lockDuration()) : null;
        users.recordFailure(c.user().id().value(), lockedUntil == null ? failures : 0, now, lockedUntil);
        audit.record(
                actorOf(c.user()),
                lockedUntil == null ? "identity.session.sign-in-failed" : "identity.user.locked",
                "user",
                c.user().id().toString(),
                Map.of("failures", failures));
        return lockedUntil;
    }

    public void logout(Actor actor, String token) {
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            if (sessions.revoke(Secrets.digest(token), now)) {
                audit.record(actor, "identity.session.sign-out", "user", actor.id(), Map.of());
            }
        });
        cache.evict(key(token));
    }

    /** The actor behind a session token, if the session is live and the user enabled. */
    public Optional<Authenticated> authenticate(String token) {
        String key = key(token);
        Optional<Authenticated> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<Authenticated> resolved = sessions.live(Secrets.digest(token), clock.instant())
                .map(live ->
                        new Authenticated(actorOf(live.user()), live.user().mustChangePassword(), live.expiresAt()));
        resolved.ifPresent(a -> cache.put(key, a));
        return resolved;
    }

    static Actor actorOf(User user) {
        Scope s = user.scope();
        return new Actor(
                user.id().toString(),
                ActorKind.USER,
                user.username(),
                s.roles(),
                s.divisions(),
                s.departments(),
                s.allDepartments());
    }

    private static String key(String token) {
        return "s:" + HexFormat.of().formatHex(Secrets.digest(token));
    }
}
