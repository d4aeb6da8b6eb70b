package org.cityos.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in and credential settings.
 *
 * @param sessionTtl how long a session token is valid
 * @param maxFailedLogins failures within {@code failureWindow} that lock an account
 * @param failureWindow window in which failures are counted
 * @param lockDuration how long a locked account stays locked
 * @param credentialCacheTtl how long a resolved token/API key is trusted without a database look-up;
 *     revocation on this node is immediate, on other nodes it takes at most this long
 * @param bcryptStrength cost of password hashes (people only; machine credentials use digests)
 * @param secureCookie mark the session cookie {@code Secure} (behind TLS)
 * @param demo seed named demo users with a published password (never in production)
 */
@ConfigurationProperties("cityos.identity")
public record IdentityProperties(
        Duration sessionTtl,
        int maxFailedLogins,
        Duration failureWindow,
        Duration lockDuration,
        Duration credentialCacheTtl,
        int bcryptStrength,
        boolean secureCookie,
        boolean demo) {
    public IdentityProperties {
        sessionTtl = sessionTtl == null ? Duration.ofHours(12) : sessionTtl;
        maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
        failureWindow = failureWindow == null ? Duration.ofMinutes(15) : failureWindow;
        lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
        credentialCacheTtl = credentialCacheTtl == null ? Duration.ofSeconds(10) : credentialCacheTtl;
        bcryptStrength = bcryptStrength <= 0 ? 10 : bcryptStrength;
    }
}
