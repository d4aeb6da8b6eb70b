package org.cityos.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.cityos.http.ActingUser;
import org.cityos.identity.IdentityProperties;
import org.cityos.identity.SignIn;
import org.cityos.identity.SignedIn;
import org.cityos.identity.Users;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in, sign-out, who am I, and changing one's own password. */
@RestController
@RequestMapping("/api/auth")
public class AuthController {
    private final SignIn signIn;
    private final Users users;
    private final IdentityProperties properties;
    private final Clock clock;

    public AuthController(SignIn signIn, Users users, IdentityProperties properties, Clock clock) {
        this.signIn = signIn;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    /** Credentials for a sign-in. */
    public record Login(String username, String password) {}

    /** The session token (also set as an HttpOnly cookie for the web UI). */
    public record Session(String token, java.time.Instant expiresAt, UserView user) {}

    /** Who the caller is and what they may do. */
    public record Me(
            String id,
            String kind,
            String name,
            Set<String> roles,
            List<String> divisions,
            Set<String> departments,
            boolean allDepartments,
            List<String> permissions,
            boolean mustChangePassword) {}

    /** A password change. */
    public record PasswordChange(String currentPassword, String newPassword) {}

    @PostMapping("/login")
    public ResponseEntity<Session> login(@RequestBody Login login) {
        SignedIn signedIn = signIn.login(login.username(), login.password());
        ResponseCookie cookie = ResponseCookie.from(CredentialsFilter.SESSION_COOKIE, signedIn.token())
                .httpOnly(true)
                .secure(properties.secureCookie())
                .sameSite("Strict")
                .path("/")
                .maxAge(Duration.between(clock.instant(), signedIn.expiresAt()))
                .build();
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookie.toString())
                .body(new Session(signedIn.token(), signedIn.expiresAt(), UserView.of(signedIn.user(), true)));
    }

    @PostMapping("/logout")
    public ResponseEntity<Void> logout(Actor actor, HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip()
                : CredentialsFilter.cookie(request);
        if (token != null) {
            signIn.logout(actor, token);
        }
        ResponseCookie gone = ResponseCookie.from(CredentialsFilter.SESSION_COOKIE, "")
                .httpOnly(true)
                .sameSite("Strict")
                .path("/")
                .maxAge(0)
                .build();
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, gone.toString())
                .build();
    }

    @GetMapping("/me")
    public Me me(Actor actor) {
        boolean mustChange = ActingUser.current().isPresent()
                && org.springframework.security.core.context.SecurityContextHolder.getContext()
                                .getAuthentication()
                                .getDetails()
                        instanceof org.cityos.identity.Authenticated a
                && a.mustChangePassword();
        return new Me(
                actor.id(),
                actor.kind().name(),
                actor.name(),
                actor.roles().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()),
                actor.divisions().stream().map(DivisionCode::value).toList(),
                actor.departments().stream().map(DepartmentCode::value).collect(java.util.stream.Collectors.toSet()),
                actor.allDepartments(),
                java.util.Arrays.stream(Permission.values())
                        .filter(actor::has)
                        .map(Enum::name)
                        .toList(),
                mustChange);
    }

    @PostMapping("/password")
    public ResponseEntity<Void> changePassword(Actor actor, @RequestBody PasswordChange change) {
        users.changeOwnPassword(actor, change.currentPassword(), change.newPassword());
        return ResponseEntity.noContent().build();
    }
}
