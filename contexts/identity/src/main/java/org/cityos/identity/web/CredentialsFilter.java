package org.cityos.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cityos.http.ProblemWriter;
import org.cityos.http.Unauthenticated;
import org.cityos.identity.ApiKeys;
import org.cityos.identity.Authenticated;
import org.cityos.identity.IdentityProblems.PasswordChangeRequired;
import org.cityos.identity.SignIn;
import org.cityos.kernel.problem.AccessDenied;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns the credential on a request into an {@code Actor}: a session token ({@code Authorization:
 * Bearer}), an API key ({@code X-API-Key} or {@code Authorization: ApiKey}) or the web session cookie.
 * A credential that is present but invalid is refused at once rather than treated as anonymous.
 * Cookie-authenticated writes must carry {@code X-CityOS-Client}, which a cross-site form cannot send.
 */
public final class CredentialsFilter extends OncePerRequestFilter {
    public static final String SESSION_COOKIE = "CITYOS_SESSION";
    public static final String CLIENT_HEADER = "X-CityOS-Client";
    private static final String DEVICE_TOKEN = "cod_";
    private static final String INTEGRATION_TOKEN = "coi_";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> WHILE_PASSWORD_EXPIRED =
            Set.of("/api/auth/me", "/api/auth/password", "/api/auth/logout");

    private final SignIn signIn;
    private final ApiKeys apiKeys;
    private final ProblemWriter problems;

    public CredentialsFilter(SignIn signIn, ApiKeys apiKeys, ProblemWriter problems) {
        this.signIn = signIn;
        this.apiKeys = apiKeys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        String apiKey = request.getHeader("X-API-Key");
        String cookie = cookie(request);
        Optional<Authenticated> who;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).strip();
            if (token.startsWith(DEVICE_TOKEN) || token.startsWith(INTEGRATION_TOKEN)) {
                // Device and integration tokens are not user credentials: ingest endpoints check them themselves,
                // everywhere else the request stays anonymous and is refused as such.
                chain.doFilter(request, response);
                return;
            }
            who = signIn.authenticate(token);
        } else if (authorization != null && authorization.regionMatches(true, 0, "ApiKey ", 0, 7)) {
            who = apiKeys.authenticate(authorization.substring(7).strip());
        } else if (apiKey != null) {
            who = apiKeys.authenticate(apiKey.strip());
        } else if (cookie != null && !cookie.isBlank()) {
            if (!SAFE.contains(request.getMethod()) && request.getHeader(CLIENT_HEADER) == null) {
                problems.write(request, response, new AccessDenied("problem.missing-client-header", CLIENT_HEADER));
                return;
            }
            who = signIn.authenticate(cookie);
        } else {
            chain.doFilter(request, response);
            return;
        }
        if (who.isEmpty()) {
            if (request.getRequestURI().equals("/api/auth/login")) {
                chain.doFilter(request, response); // a stale cookie must not prevent signing in again
                return;
            }
            problems.write(request, response, new Unauthenticated());
            return;
        }
        if (who.get().mustChangePassword() && !WHILE_PASSWORD_EXPIRED.contains(request.getRequestURI())) {
            problems.write(request, response, new PasswordChangeRequired());
            return;
        }
        var authorities = who.get().actor().roles().stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
        var authentication =
                UsernamePasswordAuthenticationToken.authenticated(who.get().actor(), null, authorities);
        authentication.setDetails(who.get());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        return List.of(cookies).stream()
                .filter(c -> SESSION_COOKIE.equals(c.getName()))
                .map(Cookie::getValue)
                .findFirst()
                .orElse(null);
    }
}
