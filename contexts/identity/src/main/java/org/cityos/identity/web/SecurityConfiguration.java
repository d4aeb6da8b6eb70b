package org.cityos.identity.web;

import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.List;
import org.cityos.http.ProblemWriter;
import org.cityos.http.PublicPaths;
import org.cityos.http.Unauthenticated;
import org.cityos.identity.ApiKeys;
import org.cityos.identity.SignIn;
import org.cityos.kernel.problem.AccessDenied;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Every {@code /api/**} and actuator path needs a user or an API key, except the paths contexts
 * declare public; roles and scopes are then checked by each context on its own commands. No server
 * sessions: each request carries its credential.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /**
     * No Spring Security observations at all. Switching their names off (management.observations.enable) still left
     * every filter wrapped in an observing decorator that made no-op observations — about a twentieth of a plain
     * authorised GET's CPU; with this setting the chain is built without the wrappers. The http.server.requests
     * timer still measures each request whole.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PublicPaths identityPublicPaths() {
        return () -> List.of("/api/auth/login");
    }

    @Bean
    SecurityFilterChain cityosSecurity(
            HttpSecurity http, List<PublicPaths> publicPaths, SignIn signIn, ApiKeys apiKeys, ProblemWriter problems)
            throws Exception {
        List<String> open = new ArrayList<>();
        publicPaths.forEach(p -> open.addAll(p.patterns()));
        http.csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline';"
                                + " worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'")))
                .addFilterBefore(new CredentialsFilter(signIn, apiKeys, problems), AnonymousAuthenticationFilter.class)
                // A streamed body is written on an async dispatch of a request authorised on its first
                // dispatch; the credentials filter runs once per request, so that dispatch carries no
                // authentication and refusing it would cut the answer off after its first bytes.
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers(open.toArray(String[]::new))
                        .permitAll()
                        .requestMatchers("/api/**", "/actuator/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(
                                (request, response, ex) -> problems.write(request, response, new Unauthenticated()))
                        .accessDeniedHandler((request, response, ex) ->
                                problems.write(request, response, new AccessDenied("problem.access-denied"))));
        return http.build();
    }
}
