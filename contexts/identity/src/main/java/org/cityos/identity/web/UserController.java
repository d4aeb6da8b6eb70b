package org.cityos.identity.web;

import java.util.List;
import org.cityos.identity.ChangeUser;
import org.cityos.identity.NewUser;
import org.cityos.identity.RegisteredUser;
import org.cityos.identity.User;
import org.cityos.identity.UserId;
import org.cityos.identity.Users;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Users over HTTP; personal fields masked unless {@code unmask=true} by a holder of PII_UNMASK (audited). */
@RestController
@RequestMapping("/api/users")
public class UserController {
    private final Users users;

    public UserController(Users users) {
        this.users = users;
    }

    /** Body of a registration; no password means a generated one-time password. */
    public record Registration(
            String username, String displayName, String phone, String email, String password, ScopeRequest scope) {}

    /** Body of a change. */
    public record Change(
            String displayName, String phone, String email, ScopeRequest scope, Boolean enabled, Integer version) {}

    /** A registered user and its one-time password, if one was generated (shown once). */
    public record Registered(UserView user, String oneTimePassword) {}

    /** A reset password (shown once). */
    public record OneTimePassword(String oneTimePassword) {}

    @GetMapping
    public Page<UserView> list(
            Actor actor,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(defaultValue = "false") boolean unmask) {
        Page<User> page = users.list(actor, PageRequest.of(offset, limit));
        if (unmask) {
            users.auditUnmasked(actor, page.items());
        }
        return page.map(u -> UserView.of(u, unmask));
    }

    @GetMapping("/{id}")
    public UserView get(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "false") boolean unmask) {
        User user = users.get(actor, UserId.parse(id));
        if (unmask) {
            users.auditUnmasked(actor, List.of(user));
        }
        return UserView.of(user, unmask);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Registered register(Actor actor, @RequestBody Registration r) {
        if (r.scope() == null) {
            throw InvalidInput.of("scope", "validation.required");
        }
        RegisteredUser registered = users.register(
                actor,
                new NewUser(
                        r.username(),
                        r.displayName(),
                        r.phone(),
                        r.email(),
                        r.password(),
                        r.scope().toScope()));
        return new Registered(UserView.of(registered.user(), false), registered.oneTimePassword());
    }

    @PutMapping("/{id}")
    public UserView change(Actor actor, @PathVariable String id, @RequestBody Change c) {
        if (c.version() == null) {
            throw InvalidInput.of("version", "validation.required");
        }
        if (c.scope() == null) {
            throw InvalidInput.of("scope", "validation.required");
        }
        User changed = users.change(
                actor,
                new ChangeUser(
                        UserId.parse(id),
                        c.displayName(),
                        c.phone(),
                        c.email(),
                        c.scope().toScope(),
                        !Boolean.FALSE.equals(c.enabled()),
                        c.version()));
        return UserView.of(changed, false);
    }

    @PostMapping("/{id}/reset-password")
    public OneTimePassword resetPassword(Actor actor, @PathVariable String id) {
        return new OneTimePassword(users.resetPassword(actor, UserId.parse(id)));
    }

    @PostMapping("/{id}/unlock")
    public ResponseEntity<Void> unlock(Actor actor, @PathVariable String id) {
        users.unlock(actor, UserId.parse(id));
        return ResponseEntity.noContent().build();
    }
}
