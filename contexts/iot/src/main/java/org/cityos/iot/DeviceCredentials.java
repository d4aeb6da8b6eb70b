package org.cityos.iot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.cityos.audit.AuditTrail;
import org.cityos.iot.internal.registry.CredentialCache;
import org.cityos.iot.internal.registry.CredentialChangeFeed;
import org.cityos.iot.persistence.DeviceCredentialRepository;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.ProblemKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Device tokens: {@code cod_} + base64url of 32 random bytes (256 bits), stored only as a SHA-256
 * digest so that a token finds its device in one unique-index lookup and a stolen table reveals none.
 * Issuing a new token rotates: earlier ones keep working for the overlap window, then stop; revoking
 * stops all of a device's tokens at once. Retired devices never authenticate. This is the facade the
 * ingest path (MQTT, HTTP) authenticates devices with.
 */
@Service
public class DeviceCredentials {
    public static final String PREFIX = "cod_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_LENGTH = PREFIX.length() + 43;

    private final DeviceCredentialRepository repository;
    private final Devices devices;
    private final CredentialCache cache;
    private final CredentialChangeFeed changes;
    private final DeviceRegistryProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    public DeviceCredentials(
            DeviceCredentialRepository repository,
            Devices devices,
            CredentialCache cache,
            CredentialChangeFeed changes,
            DeviceRegistryProperties properties,
            AuditTrail audit,
            Clock clock) {
        this.repository = repository;
        this.devices = devices;
        this.cache = cache;
        this.changes = changes;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** Issues a token with the configured overlap for earlier ones. */
    public DeviceCredential issue(Actor actor, DeviceId id) {
        return issue(actor, id, properties.credentialOverlap());
    }

    @Transactional
    public DeviceCredential issue(Actor actor, DeviceId id, Duration overlap) {
        actor.require(Permission.DEVICE_WRITE);
        if (overlap == null || overlap.isNegative() || overlap.compareTo(Duration.ofDays(30)) > 0) {
            throw InvalidInput.of("overlap", "validation.range", "PT0S", "P30D");
        }
        Device device = devices.visible(actor, id);
        if (device.state() == DeviceState.RETIRED) {
            throw new DeviceRetired(id);
        }
        Instant now = clock.instant();
        Instant until = now.plus(overlap);
        int rotated = repository.expireLive(id, until, now);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        repository.insert(digest(token), id, token.substring(token.length() - 4), now);
        changes.changed(id);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rotated", rotated);
        details.put("overlap", overlap.toString());
        audit.record(actor, "iot.device-credential.issue", "iot.device", id.value(), device.division(), details);
        return new DeviceCredential(id, token, now, rotated > 0 ? until : null);
    }

    /** Stops every token of the device now. */
    @Transactional
    public void revoke(Actor actor, DeviceId id) {
        actor.require(Permission.DEVICE_WRITE);
        Device device = devices.visible(actor, id);
        int revoked = repository.revokeAll(id, clock.instant());
        changes.changed(id);
        audit.record(
                actor,
                "iot.device-credential.revoke",
                "iot.device",
                id.value(),
                device.division(),
                Map.of("revoked", revoked));
    }

    /** The device a token belongs to, if the token is live and the device not retired; anything else is empty. */
    public Optional<DeviceCredentialCheck> authenticate(String token) {
        if (token == null || token.length() != TOKEN_LENGTH || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        byte[] digest = digest(token);
        String key = HexFormat.of().formatHex(digest);
        Optional<DeviceCredentialCheck> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<DeviceCredentialCheck> found = repository.live(digest, clock.instant());
        found.ifPresent(check -> cache.put(key, check));
        return found;
    }

    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** A retired device gets no new credentials. */
    public static final class DeviceRetired extends DomainProblem {
        public DeviceRetired(DeviceId id) {
            super(ProblemKind.CONFLICT, "device-retired", "problem.device-retired", id.value());
        }
    }
}
