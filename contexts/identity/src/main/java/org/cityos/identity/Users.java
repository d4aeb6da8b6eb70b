package org.cityos.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cityos.audit.AuditTrail;
import org.cityos.identity.IdentityProblems.StaleVersion;
import org.cityos.identity.IdentityProblems.UnknownUser;
import org.cityos.identity.IdentityProblems.UsernameTaken;
import org.cityos.identity.internal.CredentialCache;
import org.cityos.identity.internal.PasswordPolicy;
import org.cityos.identity.internal.Secrets;
import org.cityos.identity.internal.UserRules;
import org.cityos.identity.persistence.SessionRepository;
import org.cityos.identity.persistence.UserRepository;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People who sign in: registered and changed by administrators within their own scope, every change audited. */
@Service
public class Users {
    private final UserRepository users;
    private final SessionRepository sessions;
    private final ScopeCheck scopes;
    private final PasswordEncoder passwords;
    private final CredentialCache cache;
    private final AuditTrail audit;
    private final EventBus events;
    private final Clock clock;

    Users(
            UserRepository users,
            SessionRepository sessions,
            ScopeCheck scopes,
            PasswordEncoder passwords,
            CredentialCache cache,
            AuditTrail audit,
            EventBus events,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.scopes = scopes;
        this.passwords = passwords;
        this.cache = cache;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public RegisteredUser register(Actor actor, NewUser command) {
        actor.require(Permission.USER_WRITE);
        String username =
                command.username() == null ? null : command.username().strip().toLowerCase(Locale.ROOT);
        List<FieldIssue> issues = new ArrayList<>(UserRules.checkUsername(username));
        issues.addAll(UserRules.checkDetails(command.displayName(), command.phone(), command.email()));
        issues.addAll(scopes.issues(command.scope()));
        boolean generated = command.password() == null || command.password().isEmpty();
        String password = generated ? Secrets.oneTimePassword() : command.password();
        PasswordPolicy.violation(password, username).ifPresent(key -> issues.add(new FieldIssue("password", key)));
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        scopes.requireGrantable(actor, command.scope());
        if (users.usernameExists(username)) {
            throw new UsernameTaken(username);
        }
        Instant now = clock.instant();
        User user = new User(
                UserId.random(),
                username,
                command.displayName().strip(),
                blankToNull(command.phone()),
                blankToNull(command.email()),
                command.scope(),
                true,
                generated,
                null,
                null,
                0,
                now);
        users.insert(user, passwords.encode(password), now);
        audit.record(
                actor,
                "identity.user.register",
                "user",
                user.id().toString(),
                Map.of(
                        "username",
                        username,
                        "roles",
                        roleNames(user.scope()),
                        "divisions",
                        user.scope().divisions().toString()));
        events.publish(new UserRegistered(user.id().toString(), username, roleNames(user.scope())));
        return new RegisteredUser(user, generated ? password : null);
    }

    @Transactional
    public User change(Actor actor, ChangeUser command) {
        actor.require(Permission.USER_WRITE);
        User current = visible(actor, command.id());
        List<FieldIssue> issues =
                new ArrayList<>(UserRules.checkDetails(command.displayName(), command.phone(), command.email()));
        issues.addAll(scopes.issues(command.scope()));
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        scopes.requireGrantable(actor, current.scope());
        scopes.requireGrantable(actor, command.scope());
        User changed = new User(
                current.id(),
                current.username(),
                command.displayName().strip(),
                blankToNull(command.phone()),
                blankToNull(command.email()),
                command.scope(),
                command.enabled(),
                current.mustChangePassword(),
                current.lockedUntil(),
                current.lastLoginAt(),
                current.version(),
                current.createdAt());
        if (!users.update(changed, command.expectedVersion(), clock.instant())) {
            throw new StaleVersion("user", command.id());
        }
        if (!command.enabled()) {
            sessions.revokeAll(current.id(), clock.instant());
        }
        cache.clear();
        audit.record(
                actor,
                "identity.user.change",
                "user",
                current.id().toString(),
                Map.of(
                        "roles",
                        roleNames(command.scope()),
                        "divisions",
                        command.scope().divisions().toString(),
                        "enabled",
                        command.enabled()));
        return users.find(current.id()).orElseThrow();
    }

    public User get(Actor actor, UserId id) {
        actor.require(Permission.USER_READ);
        return visible(actor, id);
    }

    public Page<User> list(Actor actor, PageRequest page) {
        actor.require(Permission.USER_READ);
        List<User> mine =
                users.all().stream().filter(u -> u.scope().visibleTo(actor)).toList();
        int from = Math.min(page.offset(), mine.size());
        int to = Math.min(from + page.limit(), mine.size());
        return new Page<>(mine.subList(from, to), mine.size(), page.offset(), page.limit());
    }

    /** Records that {@code actor} saw these users' personal data unmasked; refuses without the permission. */
    @Transactional
    public void auditUnmasked(Actor actor, List<User> seen) {
        actor.require(Permission.PII_UNMASK);
        for (User u : seen) {
            audit.recordUnmaskedRead(actor, "user", u.id().toString(), List.of("displayName", "phone", "email"));
        }
    }

    @Transactional
    public String resetPassword(Actor actor, UserId id) {
        actor.require(Permission.USER_WRITE);
        User user = visible(actor, id);
        scopes.requireGrantable(actor, user.scope());
        String password = Secrets.oneTimePassword();
        users.setPassword(id, passwords.encode(password), true, clock.instant());
        sessions.revokeAll(id, clock.instant());
        cache.clear();
        audit.record(actor, "identity.user.reset-password", "user", id.toString(), Map.of());
        return password;
    }

    @Transactional
    public void unlock(Actor actor, UserId id) {
        actor.require(Permission.USER_WRITE);
        visible(actor, id);
        users.unlock(id, clock.instant());
        audit.record(actor, "identity.user.unlock", "user", id.toString(), Map.of());
    }

    /** A signed-in user replaces their own password; other sessions end. */
    @Transactional
    public void changeOwnPassword(Actor actor, String current, String replacement) {
        UserId id = UserId.parse(actor.id());
        User user = users.find(id).orElseThrow(() -> new UnknownUser(id));
        String hash = users.passwordHash(id).orElseThrow();
        if (current == null || !passwords.matches(current, hash)) {
            throw InvalidInput.of("currentPassword", "problem.wrong-current-password");
        }
        PasswordPolicy.violation(replacement, user.username()).ifPresent(key -> {
            throw InvalidInput.of("newPassword", key);
        });
        if (passwords.matches(replacement, hash)) {
            throw InvalidInput.of("newPassword", "problem.password-unchanged");
        }
        users.setPassword(id, passwords.encode(replacement), false, clock.instant());
        cache.clear();
        audit.record(actor, "identity.user.change-password", "user", id.toString(), Map.of());
    }

    private User visible(Actor actor, UserId id) {
        User user = users.find(id).orElseThrow(() -> new UnknownUser(id));
        if (!user.scope().visibleTo(actor) && !actor.id().equals(id.toString())) {
            throw new AccessDenied("problem.user-out-of-scope", id.toString());
        }
        return user;
    }

    static List<String> roleNames(Scope scope) {
        return scope.roles().stream().map(Enum::name).sorted().toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
